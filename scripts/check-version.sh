#!/usr/bin/env bash
# Checks that every artifact of the SDK carries the one version set in the root Cargo.toml
# ([workspace.package] version), and the release hygiene that goes with it. Exits 1, naming each
# file and the version it found, when anything differs; prints one line per file read otherwise.
#
# Reads (when present; the first three must exist):
#   Cargo.toml                         [workspace.package] version: THE version
#   <member>/Cargo.toml                each workspace member: `version.workspace = true` (or equal)
#   Cargo.lock                         the workspace crates' entries
#   bindings-python/pyproject.toml     no static version: `dynamic = ["version"]` (maturin copies it)
#   bindings-node/package.json         "version", and the versions of its iqtech-* optionalDependencies
#   bindings-node/package-lock.json    the root package's version
#   packaging/npm/*/package.json       each per-platform npm package
#   bindings-ffi/kotlin/pom.xml        <version> of com.iqtech:iqtech-sdk
#   packaging/maven/pom.xml            <version> of com.iqtech:iqtech-sdk
#   packaging/maven-consumer/pom.xml   the version of its com.iqtech:iqtech-sdk dependency
# and checks:
#   - a release tag, when given (`--tag v1.2.3`, or $GITHUB_REF_NAME when it starts with `v`), is `v<version>`;
#   - bindings-python/LICENSE-* are identical to the root LICENSE-MIT / LICENSE-APACHE;
#   - the crates meant for crates.io (iqtech, iqtech-sandbox, iqtech-cli) declare description,
#     license, repository, readme, keywords and categories;
#   - one repository address: Cargo.toml's [workspace.package] `repository` (provisional until a
#     person decides) is the homepage, every crate's own `repository`, pyproject's
#     [project.urls] (Homepage/Source equal, Changelog/Versioning below it), the npm manifests'
#     `repository.url`, and packaging/maven/pom.xml's <url>, <scm> and <issueManagement>.
#
# Usage: scripts/check-version.sh [--root DIR] [--tag vX.Y.Z]      (needs python3 >= 3.9)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tag=""
if [[ "${GITHUB_REF_NAME:-}" == v[0-9]* ]]; then tag="$GITHUB_REF_NAME"; fi
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root="$(cd "$2" && pwd)"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "check-version: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

exec python3 - "$root" "$tag" <<'PY'
import glob, json, os, re, sys
import xml.etree.ElementTree as ET

root, tag = sys.argv[1], sys.argv[2]
problems, lines = [], []

def rel(path):
    return os.path.relpath(path, root)

def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()

def toml_sections(text):
    """Maps '[section]' name -> body text (a deliberately small TOML reader: the files read here
    keep the keys this script needs as simple `key = value` lines)."""
    out, name, body = {}, "", []
    for line in text.splitlines():
        m = re.match(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$", line)
        if m:
            out[name] = "\n".join(body)
            name, body = m.group(1).strip(), []
        else:
            body.append(line)
    out[name] = "\n".join(body)
    return out

def toml_value(body, key):
    m = re.search(rf'^\s*{re.escape(key)}\s*=\s*(.+?)\s*(#.*)?$', body, re.M)
    return m.group(1) if m else None

def found(path, what, value, ok, why=""):
    lines.append(f"  {'ok ' if ok else 'BAD'} {rel(path)}: {what} = {value}")
    if not ok:
        problems.append(f"{rel(path)}: {what} is {value}, expected {why or version}")

# 1. The one version.
cargo = os.path.join(root, "Cargo.toml")
secs = toml_sections(read(cargo))
raw = toml_value(secs.get("workspace.package", ""), "version")
if not raw or not re.fullmatch(r'"\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?"', raw):
    sys.exit(f"check-version: {rel(cargo)} has no SemVer `version` under [workspace.package] (found {raw})")
version = raw.strip('"')
lines.append(f"  the version: {version} (Cargo.toml [workspace.package])")

# 2. Workspace members.
members = re.findall(r'"([^"]+)"', toml_value(secs.get("workspace", ""), "members") or "")
if not members:
    problems.append("Cargo.toml: no [workspace] members found")
crates = {}
for member in members:
    path = os.path.join(root, member, "Cargo.toml")
    msecs = toml_sections(read(path))
    pkg = msecs.get("package", "")
    name = (toml_value(pkg, "name") or "").strip('"')
    crates[name] = (path, pkg)
    if re.search(r"^\s*version\.workspace\s*=\s*true", pkg, re.M) or re.search(
        r"^\s*version\s*=\s*\{\s*workspace\s*=\s*true\s*\}", pkg, re.M):
        found(path, f"crate {name} version", "workspace", True)
    else:
        v = (toml_value(pkg, "version") or "(none)").strip('"')
        found(path, f"crate {name} version", v, v == version)

# 3. Cargo.lock entries of the workspace crates.
lock = os.path.join(root, "Cargo.lock")
locked = dict(re.findall(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"\n(?!source)', read(lock)))
for name in crates:
    v = locked.get(name, "(missing)")
    found(lock, f"{name}", v, v == version)

# 4. Python: the version must come from Cargo (maturin), not be written a second time.
py = os.path.join(root, "bindings-python", "pyproject.toml")
if os.path.exists(py):
    proj = toml_sections(read(py)).get("project", "")
    static = toml_value(proj, "version")
    dynamic = toml_value(proj, "dynamic") or ""
    if static is not None:
        v = static.strip('"')
        found(py, "project.version", v, v == version)
    else:
        found(py, "project.dynamic", dynamic, '"version"' in dynamic, 'a list containing "version"')

# 5. npm manifests.
def npm(path, deps=True):
    data = json.loads(read(path))
    v = data.get("version", "(none)")
    found(path, f'{data.get("name", "?")} version', v, v == version)
    if deps:
        for section in ("optionalDependencies", "dependencies", "peerDependencies"):
            for dep, want in sorted((data.get(section) or {}).items()):
                if dep.startswith("iqtech-") or dep.startswith("@iqtech/"):
                    found(path, f"{section}.{dep}", want, want == version)

node = os.path.join(root, "bindings-node", "package.json")
if os.path.exists(node):
    npm(node)
nlock = os.path.join(root, "bindings-node", "package-lock.json")
if os.path.exists(nlock):
    data = json.loads(read(nlock))
    v = data.get("version", "(none)")
    found(nlock, "version", v, v == version)
    v = (data.get("packages", {}).get("", {}) or {}).get("version", "(none)")
    found(nlock, 'packages[""].version', v, v == version)
for path in sorted(glob.glob(os.path.join(root, "packaging", "npm", "*", "package.json"))):
    npm(path)

# 6. Maven poms.
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
def pom(path, consumer=False):
    tree = ET.parse(path).getroot()
    if consumer:
        for dep in tree.iterfind(".//m:dependencies/m:dependency", NS):
            if dep.findtext("m:groupId", "", NS) == "com.iqtech" and dep.findtext("m:artifactId", "", NS) == "iqtech-sdk":
                v = dep.findtext("m:version", "(none)", NS)
                if v.startswith("${"):  # a property of the same pom
                    v = tree.findtext(f"m:properties/m:{v[2:-1]}", v, NS)
                found(path, "dependency com.iqtech:iqtech-sdk", v, v == version)
                return
        problems.append(f"{rel(path)}: no com.iqtech:iqtech-sdk dependency")
    else:
        v = tree.findtext("m:version", "(none)", NS)
        found(path, f'{tree.findtext("m:groupId", "?", NS)}:{tree.findtext("m:artifactId", "?", NS)}', v, v == version)

for sub, consumer in (("bindings-ffi/kotlin/pom.xml", False), ("packaging/maven/pom.xml", False),
                      ("packaging/maven-consumer/pom.xml", True)):
    path = os.path.join(root, sub)
    if os.path.exists(path):
        pom(path, consumer)

# 7. A release tag names the same version.
if tag:
    found(os.path.join(root, "(git tag)"), "tag", tag, tag == f"v{version}", f"v{version}")

# 8. License copies (PEP 639 forbids `..` in license-files, so the Python package keeps copies).
for name in ("LICENSE-MIT", "LICENSE-APACHE"):
    top = os.path.join(root, name)
    if not os.path.exists(top):
        problems.append(f"{name} is missing")
        continue
    copy = os.path.join(root, "bindings-python", name)
    if os.path.exists(os.path.dirname(copy)):
        same = os.path.exists(copy) and read(copy) == read(top)
        found(copy, "identical to", name, same, f"a copy of {name}")

# 9. crates.io metadata of the crates meant to be published one day.
workspace_pkg = secs.get("workspace.package", "")
for name in ("iqtech", "iqtech-sandbox", "iqtech-cli"):
    if name not in crates:
        continue
    path, pkg = crates[name]
    missing = []
    for key in ("description", "license", "repository", "readme", "keywords", "categories"):
        own = toml_value(pkg, key)
        inherited = toml_value(pkg, f"{key}.workspace") == "true" and toml_value(workspace_pkg, key)
        if not (own and own not in ('""', "[]")) and not inherited:
            missing.append(key)
    found(path, f"{name} crates.io metadata", "missing " + ", ".join(missing) if missing else "complete",
          not missing, "complete")

# 10. One repository address (provisional until a person decides; see packaging/README.md):
#     Cargo.toml's [workspace.package] `repository` is THE address, and every manifest that names
#     the project's home or source says the same (npm may add `git+` and `.git`).
repo_url = (toml_value(workspace_pkg, "repository") or "").strip('"')
if not re.fullmatch(r"https://[^\s\"]+[^/\s\"]", repo_url):
    problems.append(f"Cargo.toml: [workspace.package] repository is {repo_url or '(none)'}, expected an https URL")
else:
    lines.append(f"  the repository: {repo_url} (Cargo.toml [workspace.package])")
    def same_url(path, what, value, prefix=False):
        v = value or "(none)"
        ok = v.startswith(repo_url + "/") if prefix else v == repo_url
        found(path, what, v, ok, f"{repo_url}/..." if prefix else repo_url)
    hp = toml_value(workspace_pkg, "homepage")
    if hp is not None:
        same_url(cargo, "[workspace.package] homepage", hp.strip('"'))
    for name, (path, pkg) in sorted(crates.items()):
        own = toml_value(pkg, "repository")
        if own is not None:
            same_url(path, f"crate {name} repository", own.strip('"'))
    if os.path.exists(py):
        urls = toml_sections(read(py)).get("project.urls", "")
        for key in ("Homepage", "Source", "Repository", "Changelog", "Versioning", "Documentation", "Issues"):
            v = toml_value(urls, key)
            if v is not None:
                same_url(py, f"project.urls.{key}", v.strip('"'), prefix=key not in ("Homepage", "Source", "Repository"))
    def npm_repo(path, required):
        data = json.loads(read(path))
        r = data.get("repository")
        if r is None and not required:
            return
        u = r.get("url") if isinstance(r, dict) else r
        u = re.sub(r"^git\+", "", u or "")
        u = re.sub(r"\.git$", "", u)
        same_url(path, "repository.url", u or None)
    if os.path.exists(node):
        npm_repo(node, True)
    for path in sorted(glob.glob(os.path.join(root, "packaging", "npm", "*", "package.json"))):
        npm_repo(path, True)
    mpom = os.path.join(root, "packaging", "maven", "pom.xml")
    if os.path.exists(mpom):
        tree = ET.parse(mpom).getroot()
        same_url(mpom, "<url>", tree.findtext("m:url", None, NS))
        same_url(mpom, "<scm><url>", tree.findtext("m:scm/m:url", None, NS))
        for tag in ("connection", "developerConnection"):
            v = tree.findtext(f"m:scm/m:{tag}", "(none)", NS)
            found(mpom, f"<scm><{tag}>", v, v == f"scm:git:{repo_url}.git", f"scm:git:{repo_url}.git")
        im = tree.findtext("m:issueManagement/m:url", None, NS)
        if im is not None:
            same_url(mpom, "<issueManagement><url>", im, prefix=True)

print("\n".join(lines))
if problems:
    print(f"check-version: {len(problems)} problem(s):", file=sys.stderr)
    for p in problems:
        print(f"  {p}", file=sys.stderr)
    sys.exit(1)
print(f"check-version: every artifact is at {version}")
PY
