#!/usr/bin/env bash
# Renders the spoken clips in assets/voice/ from the text list assets/voice/phrases.tsv, offline,
# so supple speaks on any machine with nothing installed: the clips are compiled into the binary.
#
# Voice: Festival 2.5 with cmu_us_slt_arctic_hts (Debian packages festival and
# festvox-us-slt-hts; an HTS voice of CMU ARCTIC's "slt" speaker, licence EST-2003, BSD-like).
# Each clip: 22.05 kHz mono, silence trimmed, 10 ms fades in and out (nothing clicks), peak
# -8.5 dBFS before encoding (0.38: Vorbis overshoots by up to 10 %, and supple's beeps peak at
# 0.45, so no phrase is louder than a beep), Ogg Vorbis at quality 0 (about 4 KB a second).
#   scripts/make-voice.sh            render every clip (installs the tools with apt-get as root)
#   scripts/make-voice.sh KEY...     render only these
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v text2wave >/dev/null || need+=(festival)
[ -d /usr/share/festival/voices/us/cmu_us_slt_arctic_hts ] || need+=(festvox-us-slt-hts)
command -v sox >/dev/null || need+=(sox)
command -v oggenc >/dev/null || need+=(vorbis-tools)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=assets/voice
# Peak 0.376 of full scale: 20 * log10(0.376) = -8.5 dB.
peak_db=-8.5

render() {
  local key=$1 text=$2
  printf '%s\n' "$text" > "$work/$key.txt"
  text2wave -eval "(voice_cmu_us_slt_arctic_hts)" -o "$work/$key.raw.wav" "$work/$key.txt" 2>/dev/null
  # Trim the silence at both ends (sox needs a second pass to fade a trimmed length), then
  # fade and set the level.
  sox "$work/$key.raw.wav" -r 22050 -c 1 -b 16 "$work/$key.trim.wav" \
    silence 1 0.01 0.3% reverse silence 1 0.01 0.3% reverse
  sox "$work/$key.trim.wav" "$work/$key.wav" fade t 0.01 0 0.01 norm "$peak_db"
  oggenc -Q -q 0 -o "$out/$key.ogg" "$work/$key.wav"
}

count=0
while IFS=$'\t' read -r key text; do
  case "$key" in ''|'#'*) continue ;; esac
  if [ $# -gt 0 ] && [[ ! " $* " == *" $key "* ]]; then continue; fi
  render "$key" "$text"
  count=$((count + 1))
done < "$out/phrases.tsv"
echo "rendered $count clips into $out/"
