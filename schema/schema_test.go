package schema_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/devzone-go/devzone/schema"
)

func TestJSON(t *testing.T) {
	var doc struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(schema.JSON(), &doc); err != nil {
		t.Fatalf("the schema is not valid JSON: %v", err)
	}
	if want := "http://json-schema.org/draft-07/schema#"; doc.Schema != want {
		t.Errorf("$schema = %q, want %q", doc.Schema, want)
	}
	if want := "/schema/ruleset.schema.json"; !strings.HasSuffix(doc.ID, want) {
		t.Errorf("$id = %q, want it to end in %q", doc.ID, want)
	}
}

func TestJSON_copy(t *testing.T) {
	a := schema.JSON()
	a[0] = 'x'
	if b := schema.JSON(); b[0] != '{' {
		t.Errorf("changing the result of JSON changed the schema: it starts with %q", b[0])
	}
}

func ExampleJSON() {
	var doc struct {
		Required []string `json:"required"`
	}
	if err := json.Unmarshal(schema.JSON(), &doc); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("required keys:", strings.Join(doc.Required, ", "))
	// Output:
	// required keys: devzone, id
}
