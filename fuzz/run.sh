#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), seeded from ../shared/samples and
# ../shared/corpus. Any crash input lands in fuzz/artifacts/<target>/; copy it to
# fuzz/regressions/<target>/ so `cargo test --test fuzz_regressions` replays it forever.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
# cargo-fuzz drives libFuzzer; on a stable toolchain RUSTC_BOOTSTRAP=1 lets it pass its flags.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(docx_read docx_xml txt_read recognize convert)
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --quiet --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
shared="$(cd .. && pwd)/../shared"

seed() { # target dir
  mkdir -p "$2"
  case "$1" in
    docx_read|convert) find "$shared/samples" "$shared/corpus" -name '*.docx' -size -200k -exec cp -n {} "$2/" \; ;;
    txt_read|recognize) cp -n "$shared"/samples/*.txt "$2/" || true ;;
    docx_xml)
      for f in "$shared"/samples/*.docx; do
        for part in word/document.xml word/styles.xml word/numbering.xml; do
          b="$(basename "$f" .docx)-$(basename "$part")"
          # first byte picks the slot: 0 document, 1 styles, 2 numbering
          case "$part" in *document*) k='\x00' ;; *styles*) k='\x01' ;; *) k='\x02' ;; esac
          { printf "$k"; unzip -p "$f" "$part" 2>/dev/null || true; } > "$2/$b"
        done
      done ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  corpus="corpus/$t"
  seed "$t" "$corpus"
  cp -n regressions/"$t"/* "$corpus/" 2>/dev/null || true
  echo "== $t ($secs s)"
  if ! cargo fuzz run -s none "$t" "$corpus" -- -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 2>&1 | tail -4; then
    status=1
  fi
done
exit $status
