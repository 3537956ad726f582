package readers_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/arrow/go/v17/arrow/memory"
	pq "github.com/parquet-go/parquet-go"

	"github.com/wkw/wkw/readers"
)

func ExampleTable_Scan() {
	dir, err := os.MkdirTemp("", "readers-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	type user struct {
		UserID string   `parquet:"user_id"`
		Roles  []string `parquet:"roles,list"`
	}
	err = pq.WriteFile(filepath.Join(dir, "users.parquet"), []user{
		{"u1", []string{"Salesperson", "Sales Manager"}},
		{"u2", nil},
	})
	if err != nil {
		log.Fatal(err)
	}

	tbl, err := readers.Open(dir, "users", []readers.Column{
		{Name: "user_id", Kind: readers.String, Required: true},
		{Name: "roles", Kind: readers.StringList, Required: true},
		{Name: "is_disabled", Kind: readers.Bool}, // absent: reads as null
	})
	if err != nil {
		log.Fatal(err)
	}
	var ids []string
	err = tbl.Scan(context.Background(), memory.DefaultAllocator, 0, func(b *readers.Batch) error {
		id, roles, disabled := b.Str(0), b.List(1), b.Bool(2)
		for i := 0; i < b.Len; i++ {
			s, _ := id.Value(i)
			ids = append(ids, strings.Clone(s)) // kept past the callback: copy
			start, end := roles.Range(i)
			_, known := disabled.Value(i)
			fmt.Printf("%s: %d roles, is_disabled known: %v\n", s, end-start, known)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tbl.Rows(), ids)
	// Output:
	// u1: 2 roles, is_disabled known: false
	// u2: 0 roles, is_disabled known: false
	// 2 [u1 u2]
}
