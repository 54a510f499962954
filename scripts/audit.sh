#!/usr/bin/env sh
# Check every locked dependency against an advisory database with pip-audit (PyPI's, else OSV's).
# "No known vulnerabilities" only means something when a database answered: when none is reachable this
# says so plainly and exits 2, so the absence of findings is never mistaken for a clean audit.
# Usage: scripts/audit.sh [TOOLS_VENV]   (default .venv-tools; `make audit` creates it)
set -u
TOOLS="${1:-.venv-tools}"
LOCKS="$(cd "$(dirname "$0")/.." && pwd)/requirements"
reachable() {
  "$TOOLS/bin/python" - "$1" <<'PY'
import sys, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=10).close()
except Exception as exc:  # any failure means: not reachable from here
    print(f"  {sys.argv[1]}: {exc}", file=sys.stderr)
    sys.exit(1)
PY
}
for service in pypi osv; do
  case $service in
    pypi) probe=https://pypi.org/pypi/pip/json ;;
    osv) probe=https://api.osv.dev/v1/vulns/PYSEC-2021-1 ;;
  esac
  if reachable "$probe"; then
    echo "make audit: checking requirements/*.lock against the $service advisory database"
    "$TOOLS/bin/pip-audit" --vulnerability-service "$service" --disable-pip --no-deps --progress-spinner off \
      -r "$LOCKS/dev.lock" -r "$LOCKS/zh.lock" -r "$LOCKS/build.lock"
    exit $?
  fi
done
echo "make audit: NO ADVISORY DATABASE REACHABLE (pypi.org, api.osv.dev): the dependencies were NOT checked" \
  "for known vulnerabilities. Run make audit where one of them can be reached." >&2
exit 2
