package readers

import (
	"sync"
	"testing"
	"unsafe"
)

func aligned(b []byte) bool { return uintptr(unsafe.Pointer(unsafe.SliceData(b)))%64 == 0 }

func fill(b []byte) {
	for i := range b {
		b[i] = 0xAB
	}
}

func zero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func TestPoolReusesZeroedBuffers(t *testing.T) {
	p := NewPool(1 << 20)
	for _, size := range []int{1, 100, poolMin - 1, poolMin, 5000, 1 << 16} {
		b := p.Allocate(size)
		if len(b) != size || cap(b) != size || !aligned(b) || !zero(b) {
			t.Fatalf("Allocate(%d): len %d cap %d aligned %v zero %v", size, len(b), cap(b), aligned(b), zero(b))
		}
	}

	a := p.Allocate(5000) // class 8 KiB
	fill(a)
	p.Free(a)
	b := p.Allocate(4100) // the same class: a again, zeroed
	if unsafe.SliceData(b) != unsafe.SliceData(a) || !zero(b) {
		t.Fatalf("Allocate after Free: reused %v, zeroed %v", unsafe.SliceData(b) == unsafe.SliceData(a), zero(b))
	}
	fill(b)
	// Growing within the class keeps the buffer and its bytes and zeroes
	// the rest, though a's user had written there.
	c := p.Reallocate(8000, b)
	if unsafe.SliceData(c) != unsafe.SliceData(b) || len(c) != 8000 || cap(c) != 8000 || c[4099] != 0xAB || !zero(c[4100:]) {
		t.Fatalf("Reallocate within the class: same %v len %d cap %d kept %x tail zero %v",
			unsafe.SliceData(c) == unsafe.SliceData(b), len(c), cap(c), c[4099], zero(c[4100:]))
	}
	// Past the class: a new buffer with the contents.
	d := p.Reallocate(9000, c)
	if unsafe.SliceData(d) == unsafe.SliceData(c) || len(d) != 9000 || d[0] != 0xAB || d[4099] != 0xAB || !zero(d[4100:]) {
		t.Fatalf("Reallocate past the class: moved %v len %d contents %x %x rest zero %v",
			unsafe.SliceData(d) != unsafe.SliceData(c), len(d), d[0], d[4099], zero(d[4100:]))
	}
}

// A buffer freed twice, or never handed out, is not pooled twice.
func TestPoolIgnoresDoubleAndForeignFrees(t *testing.T) {
	p := NewPool(1 << 20)
	a := p.Allocate(8192)
	p.Free(a)
	p.Free(a)
	p.Free(make([]byte, 8192))
	x, y := p.Allocate(8192), p.Allocate(8192)
	if unsafe.SliceData(x) == unsafe.SliceData(y) {
		t.Fatalf("one buffer handed out twice after a double free")
	}
	if len(p.out) != 2 || p.held != 0 {
		t.Errorf("%d outstanding, %d bytes idle; want 2 and 0", len(p.out), p.held)
	}
}

func TestPoolKeepsAtMostItsLimit(t *testing.T) {
	p := NewPool(64 << 10)
	var bufs [][]byte
	for range 10 {
		bufs = append(bufs, p.Allocate(16<<10))
	}
	for _, b := range bufs {
		p.Free(b)
	}
	if p.held != 64<<10 || len(p.idle[14]) != 4 || len(p.out) != 0 {
		t.Errorf("%d bytes idle in %d buffers, %d outstanding; want 64 KiB in 4, 0", p.held, len(p.idle[14]), len(p.out))
	}
}

func TestPoolConcurrentUse(t *testing.T) {
	p := NewPool(1 << 20)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 2000 {
				b := p.Allocate(poolMin + (i*977+g*131)%20000)
				if !zero(b) {
					t.Errorf("a buffer came back dirty")
					return
				}
				fill(b)
				b = p.Reallocate(len(b)+3000, b)
				p.Free(b)
			}
		})
	}
	wg.Wait()
	if len(p.out) != 0 {
		t.Errorf("%d buffers outstanding", len(p.out))
	}
}

// A buffer larger than any valid page or column needs is refused with a
// panic, which the readers turn into ErrCorrupt, rather than attempted.
func TestPoolRefusesHugeBuffers(t *testing.T) {
	p := NewPool(1 << 20)
	defer func() {
		if r := recover(); r == nil {
			t.Errorf("Allocate(%d) did not panic", maxBuffer+1)
		}
	}()
	p.Allocate(maxBuffer + 1)
}
