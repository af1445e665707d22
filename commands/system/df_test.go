package system

import (
	"strings"
	"testing"

	"github.com/dockerclone/docker/cli/clitest"
)

const dfVerboseReply = `{"LayersSize":1984227,
 "Images":[{"Id":"sha256:8e808775897bafeb33624a55c2d690edca8ff4d50b3d1fb497124b82c0d92477","RepoTags":["busybox:latest"],
   "Containers":1,"Created":0,"Size":1984227,"SharedSize":0}],
 "Containers":[{"Id":"725054706fef694b9ac4e44dac4e874abb943b78a7a5718576e32947b524474c","Names":["/fx-df1"],"Image":"busybox",
   "Command":"true","SizeRootFs":1984227,"State":"exited","Status":"Exited (0) 4 minutes ago",
   "Mounts":[{"Type":"volume","Name":"fxvol","Driver":"local"}]}],
 "Volumes":[{"Name":"fxvol","Driver":"local","Scope":"local","UsageData":{"RefCount":1,"Size":0}}],
 "BuildCache":[{"ID":"abcdefghijklmnopq","Type":"regular","Size":2048,"Shared":true,"UsageCount":3,"CreatedAt":"2020-01-01T00:00:00Z"}]}`

func TestDiskUsageVerbose(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /system/df": {Body: dfVerboseReply}}}
	r := clitest.Run(t, e, clitest.Options{}, newDiskUsageCommand, "-v")
	if r.RunErr != nil {
		t.Fatal(r.RunErr)
	}
	var heads []string
	for _, l := range strings.Split(r.Out, "\n") {
		if l != "" && l[0] >= 'A' && l[0] <= 'Z' {
			heads = append(heads, strings.Join(strings.Fields(l), " "))
		}
	}
	want := []string{
		"Images space usage:",
		"REPOSITORY TAG IMAGE ID CREATED SIZE SHARED SIZE UNIQUE SIZE CONTAINERS",
		"Containers space usage:",
		"CONTAINER ID IMAGE COMMAND LOCAL VOLUMES SIZE CREATED STATUS NAMES",
		"Local Volumes space usage:",
		"VOLUME NAME LINKS SIZE",
		"Build cache usage: 0B", // shared records do not count
		"CACHE ID CACHE TYPE SIZE CREATED LAST USED USAGE SHARED",
	}
	if strings.Join(heads, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sections:\n%s\n\n%s", strings.Join(heads, "\n"), r.Out)
	}
	for _, row := range []string{
		"busybox      latest    8e808775897b   ",
		"725054706fef   busybox   \"true\"    1               0B        ",
		"fxvol         1         0B\n",
		"abcdefghijkl*   regular      2.05kB    ",
	} {
		if !strings.Contains(r.Out, row) {
			t.Errorf("no row %q in\n%s", row, r.Out)
		}
	}
}

func TestDiskUsageVerboseFormat(t *testing.T) {
	e := &clitest.Engine{Replies: map[string]clitest.Reply{"GET /system/df": {Body: dfVerboseReply}}}
	r := clitest.Run(t, e, clitest.Options{}, newDiskUsageCommand, "-v", "--format", "json")
	if r.RunErr != nil || !strings.HasPrefix(r.Out, `{"Images":[{"Containers":"1",`) || !strings.HasSuffix(r.Out, `"UsageCount":"3"}]}`) ||
		!strings.Contains(r.Out, `"ID":"725054706fef694b9ac4e44dac4e874abb943b78a7a5718576e32947b524474c"`) ||
		!strings.Contains(r.Out, `"Digest":""`) {
		t.Fatalf("err %v out %s", r.RunErr, r.Out)
	}
	r = clitest.Run(t, e, clitest.Options{}, newDiskUsageCommand, "-v", "--format", "{{range .Volumes}}{{.Name}}{{end}}")
	if r.RunErr != nil || r.Out != "fxvol" {
		t.Fatalf("err %v out %q", r.RunErr, r.Out)
	}
	r = clitest.Run(t, e, clitest.Options{}, newDiskUsageCommand, "-v", "--format", "table {{.Type}}")
	if r.ErrText() != `template: :1:2: executing "" at <.Type>: can't evaluate field Type in type *formatter.diskUsageContext` {
		t.Fatalf("err %q", r.ErrText())
	}
}
