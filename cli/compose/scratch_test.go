package compose

import (
	"fmt"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	c, err := Load(Options{Files: []string{os.Getenv("F")}, Env: os.LookupEnv})
	if err != nil {
		t.Fatal(err)
	}
	m, err := c.Decode()
	if err != nil {
		t.Fatal(err)
	}
	for n, s := range m.Services {
		fmt.Printf("%s: image=%s cmd=%v env=%v\n ports=%+v\n vols=%+v\n", n, s.Image, s.Command, s.Environment, s.Ports, s.Volumes)
		if s.Deploy != nil {
			fmt.Printf(" deploy=%+v res=%+v\n", *s.Deploy, s.Deploy.Resources.Limits)
		}
		fmt.Printf(" secrets=%+v configs=%+v hc=%+v\n", s.Secrets, s.Configs, s.HealthCheck)
	}
	fmt.Printf("%+v\n%+v\n%+v\n", m.Secrets, m.Configs, m.Volumes)
}
