#!/usr/bin/env bash
# The whole test suite: static checks, unit + integration + infra tests, synth under cdk-nag,
# the OpenAPI document under the OWASP ruleset, and the end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-deprecation"

# Each stage's wall-clock seconds, printed with the total when the run ends (also when a stage fails:
# the table then names the stage that failed and leaves out the ones not reached).
now_us() { echo "${EPOCHREALTIME/./}"; }
run_start=$(now_us)
stage=''
stage_start=0
timings=()
seconds_since() { local us=$(($(now_us) - $1)); printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000)); }
end_stage() {
  [ -n "$stage" ] && timings+=("$(printf '%8ss  %s%s' "$(seconds_since "$stage_start")" "${stage%% (*}" "${1:-}")")
  stage=''
}
report_times() {
  local status=$?
  end_stage "$([ "$status" -ne 0 ] && echo '  (failed)')"
  printf '\n=== time per stage ===\n'
  printf '%s\n' "${timings[@]}"
  printf '%8ss  total\n' "$(seconds_since "$run_start")"
  return "$status"
}
trap report_times EXIT
step() {
  end_stage
  stage="$1"
  stage_start=$(now_us)
  printf '\n=== %s ===\n' "$1"
}

step "web API contract (web/api/schema.d.ts and enums.ts, generated from the OpenAPI document)"
node --import tsx scripts/web-api-types.ts

step "format (prettier)"
npx prettier --check . --log-level warn

step "lint (eslint)"
npx eslint . --max-warnings 0

step "boundaries (dependency-cruiser: modules, layers, no cycles)"
npx depcruise functions infra scripts --config .dependency-cruiser.cjs --output-type err

step "types (tsc)"
npx tsc --noEmit -p .
[ -f web/tsconfig.json ] && npx tsc --noEmit -p web

step "OpenAPI (Spectral OWASP ruleset)"
node --import tsx scripts/openapi.ts > .openapi.json
npx spectral lint .openapi.json --fail-severity error --display-only-failures
rm -f .openapi.json

step "web build (static export)"
KARGUZAR_BUILD_ONLY=1 node --import tsx scripts/build-web.ts

step "synth (CDK, cdk-nag)"
npm run --silent synth

step "unit, integration and infra tests (vitest)"
npx vitest run

step "end-to-end (Playwright, Chromium)"
npx playwright test
