#!/usr/bin/env bash
# Regenerates the demo lecture videos demo/course/media/lecture-{1,2}.webm.
#
# Only needed when the slides or the English captions change: the generated
# .webm files are committed, and nothing at install, build or test time runs
# this script.
#
# Needs: ffmpeg (with libvpx-vp9 and libopus), ffprobe, espeak-ng, awk and the
# DejaVu fonts (Debian: apt-get install ffmpeg espeak-ng fonts-dejavu-core).
#
# What it makes, per lecture:
#   video  640x360, 24 fps, VP9: a slide with the lecture title and key points
#          that appear at the moment the captions mention them;
#   audio  Opus, mono: espeak-ng reads each cue of lecture-N.en.vtt, placed at
#          the cue's start time (a cue whose speech is longer than the cue is
#          read faster so it still fits).
# The English .vtt files are the source of truth for the spoken text and the
# timing; the es/fr files are translations with the same timings.
#
# Usage: bash demo/make-media.sh            # both lectures
#        bash demo/make-media.sh 2          # only lecture 2
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MEDIA="$HERE/course/media"
FONT_DIR="${FONT_DIR:-/usr/share/fonts/truetype/dejavu}"
FONT="$FONT_DIR/DejaVuSans.ttf"
FONT_BOLD="$FONT_DIR/DejaVuSans-Bold.ttf"
VOICE="${VOICE:-en}"
WPM=175          # espeak-ng words per minute (its default pace)
FPS=24

for tool in ffmpeg ffprobe espeak-ng awk; do
  command -v "$tool" >/dev/null || { echo "make-media.sh: $tool is required" >&2; exit 1; }
done
for f in "$FONT" "$FONT_BOLD"; do
  [[ -f "$f" ]] || { echo "make-media.sh: font $f not found (install fonts-dejavu-core)" >&2; exit 1; }
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Prints "start<TAB>end<TAB>spoken text" for each cue of a WebVTT file
# (times in seconds; tags stripped, entities decoded, lines joined).
vtt_cues() {
  awk '
    function secs(ts,   p, n) {
      n = split(ts, p, ":")
      return n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2]
    }
    function flush() {
      if (have) {
        gsub(/<[^>]*>/, "", text)
        gsub(/&amp;/, " and ", text); gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text)
        gsub(/&nbsp;/, " ", text); gsub(/  +/, " ", text)
        sub(/^ /, "", text); sub(/ $/, "", text)
        printf "%.3f\t%.3f\t%s\n", start, end, text
      }
      have = 0; text = ""
    }
    { sub(/\r$/, "") }
    /-->/ { flush(); split($0, t, /[ \t]+-->[ \t]+/); split(t[2], e, /[ \t]/)
            start = secs(t[1]); end = secs(e[1]); have = 1; next }
    /^$/  { flush(); next }
    have  { text = text (text == "" ? "" : " ") $0 }
    END   { flush() }
  ' "$1"
}

duration_of() {
  ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"
}

# speak TEXT WPM OUT.wav: espeak-ng, with the leading and trailing silence cut.
speak() {
  espeak-ng -v "$VOICE" -s "$2" -w "$TMP/raw.wav" "$1" </dev/null
  ffmpeg -nostdin -v error -y -i "$TMP/raw.wav" -af \
    "silenceremove=start_periods=1:start_threshold=-50dB,areverse,silenceremove=start_periods=1:start_threshold=-50dB,areverse" \
    "$3"
}

# Builds the narration track for one lecture into $2 (wav, 48 kHz mono),
# exactly $3 seconds long.
make_audio() {
  local vtt="$1" out="$2" total="$3"
  local i=0 inputs=() filters="" labels=""
  while IFS=$'\t' read -r start end text; do
    local wav="$TMP/cue-$i.wav" speed=$WPM
    speak "$text" "$speed" "$wav"
    local dur window
    dur="$(duration_of "$wav")"
    window="$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s - 0.1 }')"
    if awk -v d="$dur" -v w="$window" 'BEGIN { exit !(d > w) }'; then
      speed="$(awk -v d="$dur" -v w="$window" -v s="$speed" 'BEGIN { printf "%d", s * d / w + 6 }')"
      speak "$text" "$speed" "$wav"
      dur="$(duration_of "$wav")"
    fi
    printf '  cue %2d  %6.2fs  %.2fs of %.2fs  (%d wpm)  %s\n' "$((i + 1))" "$start" "$dur" "$window" "$speed" "$text" >&2
    local ms
    ms="$(awk -v s="$start" 'BEGIN { printf "%d", s * 1000 }')"
    inputs+=(-i "$wav")
    filters+="[$i:a]aresample=48000,adelay=delays=${ms}:all=1[a$i];"
    labels+="[a$i]"
    i=$((i + 1))
  done < <(vtt_cues "$vtt")
  filters+="${labels}amix=inputs=$i:normalize=0:duration=longest,apad,atrim=0:$total,"
  filters+="loudnorm=I=-18:TP=-2:LRA=7,aresample=48000[out]"
  ffmpeg -nostdin -v error -y "${inputs[@]}" -filter_complex "$filters" -map '[out]' -ac 1 "$out"
}

# --- slide drawing helpers (append to $VF) ---------------------------------

VF=""
NTXT=0
# text FILE-CONTENT X Y SIZE COLOR FONTFILE [START [END]]: draws text, fading in at START.
text() {
  local content="$1" x="$2" y="$3" size="$4" color="$5" font="$6" from="${7:-}" to="${8:-}"
  local f="$TMP/text-$NTXT.txt"
  NTXT=$((NTXT + 1))
  printf '%s' "$content" > "$f"
  VF+=",drawtext=fontfile=$font:textfile=$f:x=$x:y=$y:fontsize=$size:fontcolor=$color"
  if [[ -n "$from" ]]; then
    VF+=":alpha='if(lt(t,$from),0,if(lt(t,$from+0.4),(t-$from)/0.4,1))'"
    if [[ -n "$to" ]]; then VF+=":enable='lt(t,$to)'"; fi
  fi
}
# box X Y W H COLOR [START END]: a filled rectangle, optionally only between START and END.
box() {
  VF+=",drawbox=x=$1:y=$2:w=$3:h=$4:color=$5:t=fill"
  if [[ -n "${6:-}" ]]; then VF+=":enable='between(t,$6,$7)'"; fi
}

# Background, header band and footer shared by both lectures.
slide_frame() {
  local number="$1" title="$2"
  VF="format=yuv420p"
  box 0 0 640 78 '0x2f6b3a'
  box 0 78 640 4 '0x8cc63f'
  text "MoocMate Demo University  ·  How plants make food" 28 14 15 '0xd8ecd0' "$FONT"
  text "Lecture $number  ·  $title" 28 38 24 white "$FONT_BOLD"
  box 0 340 640 20 '0xe6e2d6'
  text "Lecture $number" 28 343 12 '0x6b675d' "$FONT"
}
# bullet N TEXT START NEXT: key point N, fading in at START, marked as current until NEXT.
bullet() {
  local n="$1" content="$2" from="$3" next="$4"
  local y=$((104 + (n - 1) * 40))
  box 28 $((y + 2)) 6 22 '0x8cc63f' "$from" "$next"
  text "$content" 46 "$y" 22 '0x23301f' "$FONT" "$from"
}

make_lecture() {
  local n="$1" vtt="$MEDIA/lecture-$n.en.vtt" out="$MEDIA/lecture-$n.webm"
  local last_end total
  last_end="$(vtt_cues "$vtt" | tail -n 1 | cut -f2)"
  total="$(awk -v e="$last_end" 'BEGIN { printf "%.1f", e + 1.0 }')"
  echo "lecture $n: $total s, narration from $(basename "$vtt")" >&2

  case "$n" in
    1)
      slide_frame 1 "Photosynthesis"
      text "How do plants make" 28 130 34 '0x23301f' "$FONT_BOLD" 0.3 11.0
      text "their own food?" 28 176 34 '0x23301f' "$FONT_BOLD" 0.3 11.0
      text "photosynthesis = making food with light" 28 236 20 '0x4d6b45' "$FONT" 8.2 11.0
      bullet 1 "Water comes in through the roots" 11.2 14.2
      bullet 2 "CO₂ comes in through the stomata" 14.2 18.9
      bullet 3 "Chlorophyll captures sunlight" 18.9 24.5
      bullet 4 "The plant makes glucose (a sugar)" 24.5 28.3
      text "6 CO₂ + 6 H₂O + light  →  C₆H₁₂O₆ + 6 O₂" 46 272 20 '0x2f6b3a' "$FONT_BOLD" 28.3
      text "Next: Lecture 2 · Light and chlorophyll" 376 343 12 '0x2f6b3a' "$FONT" 39.7
      ;;
    2)
      slide_frame 2 "Light and chlorophyll"
      text "Why are most leaves green?" 28 150 34 '0x23301f' "$FONT_BOLD" 0.3 9.8
      bullet 1 "Sunlight is a mix of many colours" 10.0 13.6
      box 480 108 20 20 '0xd8433a' 10.4 99
      box 506 108 20 20 '0x43a047' 10.7 99
      box 532 108 20 20 '0x3d6fd1' 11.0 99
      bullet 2 "Chlorophyll absorbs red and blue" 13.6 19.4
      bullet 3 "Green light is reflected" 19.4 23.3
      bullet 4 "Chlorophyll is in the chloroplasts" 23.3 28.0
      text "In autumn: yellow and orange pigments appear" 46 272 18 '0xb5651d' "$FONT" 28.0
      text "End of lecture 2" 520 343 12 '0x2f6b3a' "$FONT" 34.8
      ;;
    *) echo "make-media.sh: no slides for lecture $n" >&2; exit 1 ;;
  esac

  make_audio "$vtt" "$TMP/narration-$n.wav" "$total"

  ffmpeg -nostdin -v error -y \
    -f lavfi -i "color=c=0xf7f5ef:s=640x360:r=$FPS:d=$total" \
    -i "$TMP/narration-$n.wav" \
    -filter_complex "[0:v]$VF[v]" -map '[v]' -map 1:a \
    -c:v libvpx-vp9 -b:v 0 -crf 42 -deadline good -cpu-used 2 -row-mt 1 \
    -g $((FPS * 5)) -pix_fmt yuv420p \
    -c:a libopus -b:a 32k -ac 1 -application voip \
    -t "$total" -metadata title="Lecture $n" -metadata comment="MoocMate demo course; made by demo/make-media.sh" \
    "$out"
  echo "wrote $out ($(stat -c %s "$out") bytes, $(duration_of "$out") s)" >&2
}

if [[ $# -gt 0 ]]; then lectures=("$@"); else lectures=(1 2); fi
for n in "${lectures[@]}"; do make_lecture "$n"; done
