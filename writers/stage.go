package writers

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// Layout of the private area under the output directory. A leading dot keeps
// it out of the way of warehouse loaders, which skip hidden paths.
const (
	privateDir  = ".wkw"
	lockName    = "lock"
	journalName = "commit.json"
	stagePrefix = "stage-"
)

// Stage is a private directory where one run writes its outputs before
// committing them into the output directory in one step. While a Stage is
// open it holds the output directory's lock: one run at a time.
type Stage struct {
	out  string
	dir  string // the stage itself: new outputs under new/, replaced ones moved to old/
	lock *os.File
}

// Begin locks out (creating it if needed), finishes any commit an earlier
// run was killed in the middle of, removes stale stages, and opens a new
// stage. It fails at once with ErrLocked when another run holds out.
func Begin(out string) (*Stage, error) {
	priv := filepath.Join(out, privateDir)
	if err := os.MkdirAll(priv, DirMode); err != nil {
		return nil, fmt.Errorf("%w: create %s: %w", ErrOutput, priv, err)
	}
	lockPath := filepath.Join(priv, lockName)
	lock, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, FileMode)
	if err != nil {
		return nil, fmt.Errorf("%w: open %s: %w", ErrOutput, lockPath, err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(lockPath)
		lock.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w: %s is locked by process %s; wait for it to finish", ErrLocked, out, string(holder))
		}
		return nil, fmt.Errorf("%w: lock %s: %w", ErrOutput, lockPath, err)
	}
	s := &Stage{out: out, lock: lock}
	if err := lock.Truncate(0); err == nil {
		lock.WriteAt([]byte(strconv.Itoa(os.Getpid())), 0)
	}
	if err := s.recover(); err != nil {
		s.unlock()
		return nil, err
	}
	s.dir = filepath.Join(priv, fmt.Sprintf("%s%d-%d", stagePrefix, os.Getpid(), time.Now().UnixNano()))
	if err := os.MkdirAll(filepath.Join(s.dir, "new"), DirMode); err != nil {
		s.unlock()
		return nil, fmt.Errorf("%w: create %s: %w", ErrOutput, s.dir, err)
	}
	return s, nil
}

// Path returns where to write the output that will become out/rel, creating
// its parent directories.
func (s *Stage) Path(rel string) (string, error) {
	p := filepath.Join(s.dir, "new", rel)
	if err := os.MkdirAll(filepath.Dir(p), DirMode); err != nil {
		return "", fmt.Errorf("%w: create %s: %w", ErrOutput, filepath.Dir(p), err)
	}
	return p, nil
}

// Abort discards the stage and releases the lock; the output directory is as
// it was.
func (s *Stage) Abort() {
	os.RemoveAll(s.dir)
	s.unlock()
}

func (s *Stage) unlock() {
	syscall.Flock(int(s.lock.Fd()), syscall.LOCK_UN)
	s.lock.Close()
}

// journal records a commit in progress, so that a run killed half-way
// through is finished by the next one rather than left half old, half new.
// Each item is identified by its inode, which survives the rename: an item
// whose target already has that inode is in place.
type journal struct {
	Stage string        `json:"stage"`
	Items []journalItem `json:"items"`
}

type journalItem struct {
	Rel   string `json:"rel"`
	Inode uint64 `json:"inode"`
}

// Commit replaces out/rel by the staged output for every rel given (each a
// file or a directory written under Path(rel)), then discards the stage and
// releases the lock. Until the journal is written nothing is visible; after
// it, the commit completes even across a crash (the next Begin finishes it).
func (s *Stage) Commit(rels []string) error {
	j := journal{Stage: s.dir}
	for _, rel := range rels {
		ino, err := inode(filepath.Join(s.dir, "new", rel))
		if err != nil {
			s.Abort()
			return fmt.Errorf("%w: staged output %s: %w", ErrOutput, rel, err)
		}
		j.Items = append(j.Items, journalItem{rel, ino})
	}
	jpath := filepath.Join(s.out, privateDir, journalName)
	if err := WriteJSON(jpath, j); err != nil {
		s.Abort()
		return err
	}
	err := s.apply(j)
	s.unlock()
	return err
}

// recover finishes the commit recorded in a journal left by a killed run and
// removes every stage no commit is waiting for.
func (s *Stage) recover() error {
	priv := filepath.Join(s.out, privateDir)
	jpath := filepath.Join(priv, journalName)
	data, err := os.ReadFile(jpath)
	switch {
	case err == nil:
		var j journal
		if err := json.Unmarshal(data, &j); err != nil {
			return fmt.Errorf("%w: read %s: %w", ErrOutput, jpath, err)
		}
		if err := s.apply(j); err != nil {
			return err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: read %s: %w", ErrOutput, jpath, err)
	}
	stale, _ := filepath.Glob(filepath.Join(priv, stagePrefix+"*"))
	// A journal killed while being written leaves its temporary file.
	tmps, _ := filepath.Glob(filepath.Join(priv, ".tmp-*"))
	stale = append(stale, tmps...)
	for _, dir := range stale {
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("%w: remove stale stage %s: %w", ErrOutput, dir, err)
		}
	}
	return nil
}

// apply moves every journalled item into place, skipping those already
// there, then removes the journal and the stage. It is idempotent.
func (s *Stage) apply(j journal) error {
	touched := map[string]bool{}
	for _, it := range j.Items {
		target := filepath.Join(s.out, it.Rel)
		staged := filepath.Join(j.Stage, "new", it.Rel)
		if ino, err := inode(target); err == nil && ino == it.Inode {
			continue
		}
		if ino, err := inode(staged); err != nil || ino != it.Inode {
			return fmt.Errorf("%w: staged output %s is missing; the commit recorded in %s cannot be finished", ErrOutput, staged, filepath.Join(s.out, privateDir, journalName))
		}
		if err := os.MkdirAll(filepath.Dir(target), DirMode); err != nil {
			return fmt.Errorf("%w: create %s: %w", ErrOutput, filepath.Dir(target), err)
		}
		old := filepath.Join(j.Stage, "old", it.Rel)
		if err := os.MkdirAll(filepath.Dir(old), DirMode); err != nil {
			return fmt.Errorf("%w: create %s: %w", ErrOutput, filepath.Dir(old), err)
		}
		if err := replace(staged, target, old); err != nil {
			return fmt.Errorf("%w: put %s in place: %w", ErrOutput, target, err)
		}
		touched[filepath.Dir(target)] = true
	}
	for dir := range touched {
		syncDir(dir)
	}
	jpath := filepath.Join(s.out, privateDir, journalName)
	if err := os.Remove(jpath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: remove %s: %w", ErrOutput, jpath, err)
	}
	syncDir(filepath.Join(s.out, privateDir))
	if err := os.RemoveAll(j.Stage); err != nil {
		return fmt.Errorf("%w: remove stage %s: %w", ErrOutput, j.Stage, err)
	}
	return nil
}

func inode(path string) (uint64, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return 0, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, fmt.Errorf("no inode for %s", path)
	}
	return st.Ino, nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
