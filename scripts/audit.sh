#!/usr/bin/env sh
# Check every locked dependency against an advisory database with pip-audit (PyPI's, else OSV's).
# "No known vulnerabilities" only means something when the database answered for every package: pip-audit
# skips a package whose PyPI JSON it cannot fetch and still prints "No known vulnerabilities found". So this
# probes the per-release JSON pip-audit reads, and treats any skipped package as "not audited". When no
# database answers it says so plainly and exits 2; an audit that could not ask anyone is never clean.
# Usage: scripts/audit.sh [TOOLS_VENV]   (default .venv-tools; `make audit` creates it)
set -u
TOOLS="${1:-.venv-tools}"
LOCKS="$(cd "$(dirname "$0")/.." && pwd)/requirements"
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
reachable() {
  "$TOOLS/bin/python" - "$@" <<'PY'
import json, sys, urllib.request
url, body = sys.argv[1], (sys.argv[2].encode() if len(sys.argv) > 2 else None)
try:
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    json.load(urllib.request.urlopen(req, timeout=10))
except Exception as exc:  # any failure means: not usable from here
    print(f"  {url}: {exc}", file=sys.stderr)
    sys.exit(1)
PY
}
for service in pypi osv; do
  case $service in
    pypi) ok() { reachable https://pypi.org/pypi/jinja2/2.4.1/json; } ;;
    osv) ok() { reachable https://api.osv.dev/v1/query '{"package":{"name":"jinja2","ecosystem":"PyPI"},"version":"2.4.1"}'; } ;;
  esac
  if ok; then
    echo "make audit: checking requirements/*.lock against the $service advisory database"
    "$TOOLS/bin/pip-audit" --vulnerability-service "$service" --disable-pip --no-deps --progress-spinner off \
      -r "$LOCKS/dev.lock" -r "$LOCKS/zh.lock" -r "$LOCKS/build.lock" >"$OUT" 2>&1
    rc=$?
    cat "$OUT"
    skipped=$(grep -c "could not be audited" "$OUT")
    if [ "$skipped" -gt 0 ]; then
      echo "make audit: $skipped package(s) were NOT checked (the $service database did not answer for them);" \
        "this audit is incomplete" >&2
      [ "$rc" -eq 0 ] && continue  # try the next database
      exit "$rc"
    fi
    exit $rc
  fi
done
echo "make audit: NO ADVISORY DATABASE ANSWERED (pypi.org per-release JSON, api.osv.dev): the dependencies were" \
  "NOT checked for known vulnerabilities. Run make audit where one of them can be reached." >&2
exit 2
