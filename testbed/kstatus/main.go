// Command kstatus prints what sigs.k8s.io/cli-utils kstatus computes for Kubernetes objects:
// the tests pipe `kubectl get -o json` (one object or a List) into it, so the status Flux's
// `wait: true` and `kubectl` users see is kstatus's own, not a reading of its rules.
// Output: one JSON line per object, {"status": "Current", "message": "..."}.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

type result struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "kstatus:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	u := &unstructured.Unstructured{}
	if err := u.UnmarshalJSON(data); err != nil {
		return err
	}
	objects := []unstructured.Unstructured{*u}
	if u.IsList() {
		list, err := u.ToList()
		if err != nil {
			return err
		}
		objects = list.Items
	}
	encoder := json.NewEncoder(out)
	for i := range objects {
		computed, err := status.Compute(&objects[i])
		if err != nil {
			return fmt.Errorf("%s %s: %w", objects[i].GetKind(), objects[i].GetName(), err)
		}
		if err := encoder.Encode(result{Status: computed.Status.String(), Message: computed.Message}); err != nil {
			return err
		}
	}
	return nil
}
