#!/usr/bin/env bash
# Times `xxgk batch` against python-docx, docx2python and pandoc on the same N reports (default
# 1000 copies of the sample DOCX files) and prints the ratios. The other tools do the lesser job of
# extracting paragraph and cell text; xxgk reads, recognizes and checks each report and writes the
# CSV of every indicator. Installs the tools when absent (pip; apt for pandoc).
#
#   benches/compare/run.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-1000}"
samples="$root/../shared/samples"

python3 -c "import docx" 2>/dev/null || python3 -m pip install --quiet python-docx
python3 -c "import docx2python" 2>/dev/null || python3 -m pip install --quiet docx2python
if ! command -v pandoc >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
files=("$samples"/*.docx)
for ((i = 0; i < n; i++)); do
  f="${files[$((i % ${#files[@]}))]}"
  cp "$f" "$work/in/$(printf '%05d' "$i")-$(basename "$f")"
done

(cd "$root" && cargo build --release --quiet)
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
xxgk="$target_dir/release/xxgk"

now() { date +%s.%N; }
time_it() { # name command...
  local t0 t1
  t0=$(now)
  "${@:2}" >/dev/null 2>&1
  t1=$(now)
  echo "$1 $(python3 -c "print($t1 - $t0)")"
}

results="$work/results"
{
  time_it "xxgk-batch-1-job" "$xxgk" batch "$work/in" --csv "$work/out.csv" --jobs 1
  time_it "xxgk-batch" "$xxgk" batch "$work/in" --csv "$work/out.csv"
  time_it "python-docx" python3 "$here/extract_python_docx.py" "$work/in"
  time_it "docx2python" python3 "$here/extract_docx2python.py" "$work/in"
  time_it "pandoc" bash -c 'for f in "$0"/*.docx; do pandoc -t plain "$f"; done' "$work/in"
} | tee "$results"

base=$(awk '$1 == "xxgk-batch-1-job" { print $2 }' "$results")
echo
printf '%-18s %10s %12s %10s\n' tool seconds "ms/report" "x xxgk(1 job)"
while read -r name secs; do
  python3 -c "print('%-18s %10.2f %12.3f %10.1f' % ('$name', $secs, $secs * 1000 / $n, $secs / $base))"
done < "$results"
