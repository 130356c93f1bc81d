package rules

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/devzone-go/devzone/internal/yamlnode"
)

// MaxExtendsDepth is the longest extends chain the loaders follow: a zone
// file, the baseline it extends, and so on. Real chains have two or three
// files.
const MaxExtendsDepth = 16

// LoadFile reads the rule file at path from the operating system's file
// system, follows its extends chain (each path relative to the file that
// names it), and compiles the whole chain into a Set. It is Parse and
// Compile in one call.
//
// The error, if any, is always of type Diagnostics and lists every problem
// found in every file of the chain, sorted by position; a Set is returned
// if and only if the error is nil. Warnings do not make an error: read them
// from [Set.Warnings]. To print the diagnostics with source lines, use
// [Diagnostics.WriteText] with os.ReadFile.
func LoadFile(path string) (*Set, error) {
	return load(osReader{}, filepath.Clean(path))
}

// LoadFS is [LoadFile] for a file system, such as an embed.FS holding a
// zone system's rule sets. path and the paths in extends are slash-separated
// and relative to the root of fsys; an extends path that leaves fsys is an
// error. The error, if any, is always of type Diagnostics; positions name
// files by their path in fsys, so fs.ReadFile(fsys, name) reads them for
// [Diagnostics.WriteText].
func LoadFS(fsys fs.FS, path string) (*Set, error) {
	return load(fsReader{fsys}, path)
}

// reader is a file system the loader reads rule files from.
type reader interface {
	// read returns the contents of a file, up to one byte more than the
	// size limit.
	read(name string) ([]byte, error)
	// resolve returns the name of the file that rel (as written in
	// extends:) names, relative to the file from.
	resolve(from, rel string) (string, error)
}

// errLeavesFS is returned by resolve for a path outside the file system.
var errLeavesFS = errors.New("the path leaves the folder the rule sets are loaded from")

// errAbsolute is returned by resolve for an absolute path.
var errAbsolute = errors.New("the path is absolute")

type osReader struct{}

func (osReader) read(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, yamlnode.DefaultMaxBytes+1))
}

func (osReader) resolve(from, rel string) (string, error) {
	if path.IsAbs(rel) || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" {
		return "", errAbsolute
	}
	return filepath.Join(filepath.Dir(from), filepath.FromSlash(rel)), nil
}

type fsReader struct{ fsys fs.FS }

func (r fsReader) read(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := r.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, yamlnode.DefaultMaxBytes+1))
}

func (fsReader) resolve(from, rel string) (string, error) {
	if path.IsAbs(rel) || strings.Contains(rel, `\`) {
		return "", errAbsolute
	}
	name := path.Join(path.Dir(from), rel)
	if !fs.ValidPath(name) {
		return "", errLeavesFS
	}
	return name, nil
}

// load reads the extends chain starting at name and compiles it.
func load(r reader, name string) (*Set, error) {
	var ds Diagnostics
	var chain []*File // the rule set first, its base last
	seen := map[string]Pos{name: {File: name}}
	cur := name
	var from Scalar // the extends: that names cur; unset for the rule set itself
	complete := false
	for {
		src, err := r.read(cur)
		if err != nil {
			ds = append(ds, readProblem(cur, from, err))
			break
		}
		f, pd := Parse(cur, src)
		ds = append(ds, pd...)
		if f == nil {
			break
		}
		chain = append(chain, f)
		if !f.Extends.IsSet() {
			complete = true
			break
		}
		next, err := r.resolve(cur, f.Extends.Value)
		if err != nil {
			ds = append(ds, &Diagnostic{
				Severity: SeverityError, Code: CodeExtendsPath, Pos: f.Extends.Pos, Path: "extends",
				Summary: fmt.Sprintf("extends: %q cannot be used: %v", f.Extends.Value, err),
				Detail:  "Write the path of the baseline relative to this file, with / between folders, for example ../shanxi/baseline.yaml.",
			})
			break
		}
		if first, ok := seen[next]; ok {
			var names []string
			for _, g := range chain {
				names = append(names, g.Name)
			}
			d := &Diagnostic{
				Severity: SeverityError, Code: CodeExtendsCycle, Pos: f.Extends.Pos, Path: "extends",
				Summary: fmt.Sprintf("the files extend each other in a circle: %s → %s", strings.Join(names, " → "), next),
				Detail:  "A file cannot extend itself, directly or through other files. The baseline is the file at the end of the chain, which has no extends:.",
			}
			if first.Line > 0 {
				d.Related = []Pos{first}
			}
			ds = append(ds, d)
			break
		}
		if len(chain) >= MaxExtendsDepth {
			ds = append(ds, &Diagnostic{
				Severity: SeverityError, Code: CodeExtendsDepth, Pos: f.Extends.Pos, Path: "extends",
				Summary: fmt.Sprintf("more than %d files extend one another", MaxExtendsDepth),
			})
			break
		}
		seen[next] = f.Extends.Pos
		from, cur = f.Extends, next
	}
	var set *Set
	if complete {
		layers := make([]*File, len(chain))
		for i, f := range chain {
			layers[len(chain)-1-i] = f
		}
		var cd Diagnostics
		set, cd = Compile(layers...)
		ds = append(ds, cd...)
	}
	ds = ds.normalize()
	if ds.HasErrors() {
		return nil, ds
	}
	if set == nil { // cannot happen: an incomplete chain always comes with an error
		return nil, Diagnostics{{Severity: SeverityError, Code: CodeFileRead, Pos: Pos{File: name}, Summary: "the rule set could not be loaded"}}
	}
	set.warnings = ds
	return set, nil
}

// readProblem reports a file that cannot be read: at the extends: that
// names it, or, for the rule set itself, at the file name.
func readProblem(name string, from Scalar, err error) *Diagnostic {
	reason := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err.Error()
	}
	if !from.IsSet() {
		return &Diagnostic{
			Severity: SeverityError, Code: CodeFileRead, Pos: Pos{File: name},
			Summary: fmt.Sprintf("the rule file %s cannot be read: %s", name, reason),
		}
	}
	d := &Diagnostic{
		Severity: SeverityError, Code: CodeFileRead, Pos: from.Pos, Path: "extends",
		Summary: fmt.Sprintf("the extended file %s cannot be read: %s", name, reason),
	}
	if errors.Is(err, fs.ErrNotExist) {
		d.Code = CodeExtendsMissing
		d.Summary = fmt.Sprintf("the extended file %s does not exist", name)
		d.Detail = fmt.Sprintf("extends: %q is read relative to the folder of this file, which gives %s. Check the spelling and the number of ../ in the path.", from.Value, name)
	}
	return d
}
