package trust

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dockerclone/docker/cli"
	"github.com/dockerclone/docker/cli/format"
	"github.com/dockerclone/docker/cli/reference"
)

func newInspectCommand(c *cli.CLI) *cobra.Command {
	var pretty bool
	cmd := cli.Command("inspect IMAGE[:TAG] [IMAGE[:TAG]...]", "Return low-level information about keys and signatures", cli.RequiresMinArgs(1), func(cmd *cobra.Command, args []string) error {
		if pretty {
			return inspectPretty(cmd, c, args)
		}
		w, err := c.NewInspect("")
		if err != nil {
			return err
		}
		return w.Each(args, func(name string) error {
			info, err := repositoryInfo(cmd, c, name)
			if err != nil {
				return err
			}
			return w.AddValue(info)
		})
	})
	cmd.Flags().BoolVar(&pretty, "pretty", false, "Print the information in a human friendly format")
	return cmd
}

// inspectPretty prints a block per repository, blank lines between; the
// first repository without trust data ends it, as with the reference.
func inspectPretty(cmd *cobra.Command, c *cli.CLI, names []string) error {
	for i, name := range names {
		info, err := repositoryInfo(cmd, c, name)
		if err != nil {
			return err
		}
		if err := printPretty(c, info); err != nil {
			return err
		}
		if i < len(names)-1 {
			fmt.Fprint(c.Out, "\n\n")
		}
	}
	return nil
}

// trustInfo is what `trust inspect` says of a repository (field names and
// order are the reference's JSON).
type trustInfo struct {
	Name               string
	SignedTags         []signedTag
	Signers            []roleKeys
	AdministrativeKeys []roleKeys
}

type signedTag struct {
	SignedTag, Digest string
	Signers           []string
}

type roleKeys struct {
	Name string
	Keys []keyID
}

type keyID struct{ ID string }

// repositoryInfo reads and verifies name's trust data; a bad reference is
// its own error, any failure after it the reference's one sentence.
func repositoryInfo(cmd *cobra.Command, c *cli.CLI, name string) (*trustInfo, error) {
	named, err := reference.ParseNormalizedNamed(name)
	if err != nil {
		return nil, err
	}
	md, err := repository(c, named).Fetch(cmd.Context())
	if err != nil {
		return nil, fmt.Errorf("no signatures or cannot access %s", name)
	}
	info := &trustInfo{Name: name, SignedTags: []signedTag{}, Signers: []roleKeys{}}
	tagged, onlyTag := named.(reference.Tagged)
	for _, st := range md.SignedTags() {
		if !onlyTag || st.Tag == tagged.Tag() {
			info.SignedTags = append(info.SignedTags, signedTag{SignedTag: st.Tag, Digest: st.Digest, Signers: st.Signers})
		}
	}
	// Tags in natural order ("9" before "10"), as the reference lists them.
	slices.SortStableFunc(info.SignedTags, func(a, b signedTag) int { return format.NaturalCompare(a.SignedTag, b.SignedTag) })
	for _, s := range md.Signers() {
		info.Signers = append(info.Signers, roleKeys{Name: s.Name, Keys: keyIDs(s.Keys)})
	}
	// The reference's JSON lists signers by name backwards (--pretty forwards).
	slices.SortFunc(info.Signers, func(a, b roleKeys) int { return strings.Compare(b.Name, a.Name) })
	info.AdministrativeKeys = []roleKeys{{Name: "Root", Keys: keyIDs(md.RoleKeys("root"))},
		{Name: "Repository", Keys: keyIDs(md.RoleKeys("targets"))}}
	return info, nil
}

func keyIDs(ids []string) []keyID {
	out := make([]keyID, len(ids))
	for i, id := range ids {
		out[i] = keyID{ID: id}
	}
	return out
}

// Rows of the --pretty tables.
type tagRow struct{ t *signedTag }

func (r tagRow) SignedTag() string { return r.t.SignedTag }
func (r tagRow) Digest() string    { return r.t.Digest }
func (r tagRow) Signers() string {
	if len(r.t.Signers) == 1 && r.t.Signers[0] == "Repo Admin" {
		return "(Repo Admin)"
	}
	return strings.Join(slices.Sorted(slices.Values(r.t.Signers)), ", ")
}

type signerRow struct{ s *roleKeys }

func (r signerRow) Signer() string { return r.s.Name }
func (r signerRow) Keys() string {
	ids := make([]string, len(r.s.Keys))
	for i, k := range r.s.Keys {
		ids[i] = k.ID[:min(12, len(k.ID))]
	}
	return strings.Join(ids, ", ")
}

var prettyHeader = format.Header{"SignedTag": "SIGNED TAG", "Digest": "DIGEST", "Signers": "SIGNERS", "Signer": "SIGNER", "Keys": "KEYS"}

func printPretty(c *cli.CLI, info *trustInfo) error {
	if len(info.SignedTags) == 0 {
		fmt.Fprintf(c.Out, "\nNo signatures for %s\n\n", info.Name)
	} else {
		fmt.Fprintf(c.Out, "\nSignatures for %s\n\n", info.Name)
		if err := prettyTable(c, "table {{.SignedTag}}\t{{.Digest}}\t{{.Signers}}", len(info.SignedTags),
			func(i int) any { return tagRow{&info.SignedTags[i]} }); err != nil {
			return err
		}
	}
	if len(info.Signers) > 0 {
		fmt.Fprintf(c.Out, "\nList of signers and their keys for %s\n\n", info.Name)
		if err := prettyTable(c, "table {{.Signer}}\t{{.Keys}}", len(info.Signers),
			func(i int) any { return signerRow{&info.Signers[len(info.Signers)-1-i]} }); err != nil {
			return err
		}
	}
	fmt.Fprintf(c.Out, "\nAdministrative keys for %s\n\n", info.Name)
	for _, role := range []struct{ label, name string }{{"Repository Key", "Repository"}, {"Root Key", "Root"}} {
		for _, k := range info.AdministrativeKeys {
			if k.Name == role.name {
				fmt.Fprintf(c.Out, "  %s:\t%s\n", role.label, strings.Join(ids(k.Keys), ", "))
			}
		}
	}
	return nil
}

func ids(keys []keyID) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.ID
	}
	return out
}

func prettyTable(c *cli.CLI, spec string, n int, row func(int) any) error {
	f, err := format.Parse(spec, "")
	if err != nil {
		return err
	}
	w := format.NewWriter(c.Out, f, prettyHeader)
	for i := 0; i < n; i++ {
		if err := w.Write(row(i)); err != nil {
			return err
		}
	}
	return w.Flush()
}
