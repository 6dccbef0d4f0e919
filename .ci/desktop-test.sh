#!/usr/bin/env bash
# Desktop test: the real window under Xvfb. It starts the desktop build on
# a fresh home (so it opens the built-in sample project), waits for the
# window titled "edgeplay — <project>", takes a screenshot, checks that
# the route list was drawn (the picture is not blank and the title is
# right) and prints the RSS of the app and of its WebKit processes.
set -euo pipefail
bin=${1:-bin/edgeplay}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
out=${ARTIFACTS:-frontend/e2e/artifacts}
mkdir -p "$out"
home=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
HOME=$home XDG_CONFIG_HOME=$home/.config DISPLAY=$display "$bin" >"$out/desktop.log" 2>&1 &
app=$!
title=""
for _ in $(seq 1 60); do
  title=$(DISPLAY=$display xdotool search --name '^edgeplay — ' getwindowname 2>/dev/null | head -1 || true)
  [ -n "$title" ] && break
  sleep 0.5
done
if [ -z "$title" ]; then
  echo "desktop test: no window titled 'edgeplay — …' within 30 s" >&2
  cat "$out/desktop.log" >&2
  exit 1
fi
echo "desktop test: window \"$title\""
[ "$title" = "edgeplay — edgeplay-sample" ] || { echo "desktop test: unexpected title" >&2; exit 1; }
# Let the UI load the route table.
sleep 4
DISPLAY=$display import -window root "$out/desktop.png"
colours=$(convert "$out/desktop.png" -format '%k' info:)
echo "desktop test: screenshot $out/desktop.png with $colours colours"
[ "$colours" -gt 50 ] || { echo "desktop test: the window looks blank" >&2; exit 1; }
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }
# PSS counts each shared page once, split among the processes that map it:
# RSS counts the same GTK/WebKit libraries in full in every process.
pss() { awk '/^Pss:/ {print int($2/1024)}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
own=$(rss $app); ownp=$(pss $app)
# WebKit's web and network processes are children of the app (each pid
# counted once).
kids=0; kidsp=0
for p in $( (pgrep -P $app; for c in $(pgrep -P $app); do pgrep -P "$c"; done) 2>/dev/null | sort -u); do
  kids=$((kids + $(rss "$p"))); kidsp=$((kidsp + $(pss "$p")))
done
echo "desktop test: idle RSS app ${own} MiB + WebKit ${kids} MiB = $((own + kids)) MiB; PSS app ${ownp} MiB + WebKit ${kidsp} MiB = $((ownp + kidsp)) MiB (targets 150 / 300)"
