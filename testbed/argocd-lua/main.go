// Command argocd-lua runs Argo CD's own resource-customization code (github.com/argoproj/argo-cd
// util/lua and util/settings) against one object, as the Argo CD application controller and API
// server do, so the tests prove the chart's health script and actions with Argo CD's Lua runtime.
//
//	argocd-lua health  ARGOCD_CM < object.json   {"status": "Healthy", "message": "..."}
//	argocd-lua actions ARGOCD_CM < object.json   the action names the discovery script offers
//	argocd-lua action NAME ARGOCD_CM < object.json
//	                                             the JSON merge patch Argo CD's API server sends
//
// ARGOCD_CM is a YAML file with the argocd-cm data (e.g. charts/ecs-operator/health/argocd-cm.yaml).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/argoproj/argo-cd/v3/common"
	"github.com/argoproj/argo-cd/v3/util/lua"
	"github.com/argoproj/argo-cd/v3/util/settings"
	jsonpatch "github.com/evanphx/json-patch"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/client-go/kubernetes/fake"
	"sigs.k8s.io/yaml"
)

const namespace = "argocd"

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "argocd-lua:", err)
		os.Exit(1)
	}
}

func run(args []string, in io.Reader, out io.Writer) error {
	if len(args) < 2 {
		return errors.New("usage: argocd-lua health|actions ARGOCD_CM, or action NAME ARGOCD_CM")
	}
	vm, err := vmFor(args[len(args)-1])
	if err != nil {
		return err
	}
	live, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	obj := &unstructured.Unstructured{}
	if err := obj.UnmarshalJSON(live); err != nil {
		return err
	}
	var result any
	switch args[0] {
	case "health":
		result, err = health(vm, obj)
	case "actions":
		result, err = actions(vm, obj)
	case "action":
		var patch []byte
		patch, err = action(vm, obj, live, args[1])
		result = json.RawMessage(patch)
	default:
		err = fmt.Errorf("unknown command %q", args[0])
	}
	if err != nil {
		return err
	}
	return json.NewEncoder(out).Encode(result)
}

// vmFor reads the resource customizations the way Argo CD's settings manager reads argocd-cm.
func vmFor(configMapFile string) (*lua.VM, error) {
	raw, err := os.ReadFile(configMapFile)
	if err != nil {
		return nil, err
	}
	var cm corev1.ConfigMap
	if err := yaml.Unmarshal(raw, &cm); err != nil {
		return nil, err
	}
	cm.ObjectMeta = metav1.ObjectMeta{
		Name: common.ArgoCDConfigMapName, Namespace: namespace,
		Labels: map[string]string{"app.kubernetes.io/part-of": "argocd"},
	}
	secret := &corev1.Secret{ObjectMeta: metav1.ObjectMeta{
		Name: common.ArgoCDSecretName, Namespace: namespace,
		Labels: map[string]string{"app.kubernetes.io/part-of": "argocd"},
	}}
	manager := settings.NewSettingsManager(context.Background(), fake.NewClientset(&cm, secret), namespace)
	overrides, err := manager.GetResourceOverrides()
	if err != nil {
		return nil, err
	}
	return &lua.VM{ResourceOverrides: overrides}, nil
}

// health is what the application controller computes for a resource with a Lua health check.
func health(vm *lua.VM, obj *unstructured.Unstructured) (any, error) {
	script, useOpenLibs, err := vm.GetHealthScript(obj)
	if err != nil {
		return nil, err
	}
	if script == "" {
		return nil, fmt.Errorf("no health script for %s", lua.GetConfigMapKey(obj.GroupVersionKind()))
	}
	vm.UseOpenLibs = useOpenLibs
	return vm.ExecuteHealthLua(obj, script)
}

func actions(vm *lua.VM, obj *unstructured.Unstructured) (any, error) {
	scripts, err := vm.GetResourceActionDiscovery(obj)
	if err != nil {
		return nil, err
	}
	found, err := vm.ExecuteResourceActionDiscovery(obj, scripts)
	if err != nil {
		return nil, err
	}
	names := []string{}
	for _, a := range found {
		if !a.Disabled {
			names = append(names, a.Name)
		}
	}
	return names, nil
}

// action runs an action as the API server's RunResourceAction does and returns its merge patch.
func action(vm *lua.VM, obj *unstructured.Unstructured, live []byte, name string) ([]byte, error) {
	definition, err := vm.GetResourceAction(obj, name)
	if err != nil {
		return nil, err
	}
	impacted, err := vm.ExecuteResourceAction(obj, definition.ActionLua, nil)
	if err != nil {
		return nil, err
	}
	if len(impacted) != 1 || impacted[0].K8SOperation != lua.PatchOperation {
		return nil, fmt.Errorf("action %s: expected one patch of the object, got %d resources", name, len(impacted))
	}
	patched, err := impacted[0].UnstructuredObj.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return jsonpatch.CreateMergePatch(live, patched)
}

