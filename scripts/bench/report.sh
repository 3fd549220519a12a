#!/usr/bin/env bash
# Sourced by scripts/bench.sh: the table and the goals of issue 21 under it.
# shellcheck shell=bash disable=SC2154

# ceiling_of KEY: the ceiling a row is read against, or nothing.
ceiling_of() {
    local db="${1%%/*}" scenario="${1#*/}"
    case "$scenario" in
    register | login) echo "$hash_ceiling" ;;
    me) echo "${rps["$db/axum hello-world, right after"]:-${rps["this box/axum hello-world"]:-}}" ;;
    refresh) if [[ "$db" == postgres ]]; then echo "${rps["postgres/pgbench: refresh statement"]:-}"; fi ;;
    esac
    return 0
}

# fraction A B: A / B with two decimals, or "?".
fraction() {
    if [[ -n "$1" && -n "$2" && "$2" != 0 ]]; then
        awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
    else
        echo "?"
    fi
}

table() {
    echo "| database | scenario | req/s | ceiling | of ceiling | p50 ms | p99 ms | errors | server CPU (cores) | peak RSS MiB |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    local key ceiling
    for key in "${rows[@]}"; do
        ceiling="$(ceiling_of "$key")"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${key%%/*}" "${key#*/}" \
            "${rps[$key]:-?}" "${ceiling:-}" "$( [[ -n "$ceiling" ]] && fraction "${rps[$key]:-}" "$ceiling")" \
            "${p50[$key]}" "${p99[$key]}" "${errors[$key]:-?}" "${cpu[$key]}" "${peak[$key]}"
    done
}

# goal TEXT HOLDS: one line of the goals list.
goal() {
    if [[ "$2" == 1 ]]; then echo "- met: $1"; else echo "- MISSED: $1"; fi
}

at_least() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print (a != "?" && a + 0 >= b + 0) ? 1 : 0 }'; }
at_most() { awk -v a="${1:-?}" -v b="$2" 'BEGIN { print (a != "?" && a + 0 <= b + 0) ? 1 : 0 }'; }

goals() {
    local db key
    for db in "${wanted[@]}"; do
        [[ "$db" == postgresql ]] && db=postgres
        key="$db/me"
        [[ -n "${rps[$key]:-}" ]] || continue
        goal "$db GET me ≥ 50,000 req/s (${rps[$key]})" "$(at_least "${rps[$key]}" 50000)"
        goal "$db GET me ≥ 0.45 of the axum hello-world ($(fraction "${rps[$key]}" "$(ceiling_of "$key")"))" \
            "$(at_least "$(fraction "${rps[$key]}" "$(ceiling_of "$key")")" 0.45)"
        for scenario in login register; do
            goal "$db $scenario ≥ 0.9 of cores ÷ hash CPU ($(fraction "${rps[$db/$scenario]}" "$hash_ceiling"); of what $cores hashing threads sustain at once: $(fraction "${rps[$db/$scenario]}" "$parallel_rate"))" \
                "$(at_least "$(fraction "${rps[$db/$scenario]}" "$hash_ceiling")" 0.9)"
        done
        for scenario in me refresh; do
            goal "$db peak RSS serving $scenario ≤ 24 MiB (${peak[$db/$scenario]})" "$(at_most "${peak[$db/$scenario]}" 24)"
        done
        local storm
        storm="$(awk -v m="$argon_memory" -v c="$cores" 'BEGIN { printf "%.0f", 32 + c * m / 1024 }')"
        goal "$db peak RSS under the login storm ≤ 32 MiB + permits × ARGON2_MEMORY_KIB = $storm MiB (${peak[$db/login]})" \
            "$(at_most "${peak[$db/login]}" "$storm")"
        for scenario in me refresh; do
            [[ -n "${p99[$db/$scenario (large)]:-}" ]] || continue
            goal "$db $scenario p99 on the large database ≤ 1.25 × the small one's (${p99[$db/$scenario (large)]} against ${p99[$db/$scenario]} ms: $(fraction "${p99[$db/$scenario (large)]}" "${p99[$db/$scenario]}"))" \
                "$(at_most "$(fraction "${p99[$db/$scenario (large)]}" "${p99[$db/$scenario]}")" 1.25)"
            goal "$db $scenario p99 with the cleanup running ≤ 2 × the small database's (${p99[$db/$scenario (large, cleanup running)]} ms: $(fraction "${p99[$db/$scenario (large, cleanup running)]}" "${p99[$db/$scenario]}"))" \
                "$(at_most "$(fraction "${p99[$db/$scenario (large, cleanup running)]}" "${p99[$db/$scenario]}")" 2)"
        done
        if [[ "$db" == postgres ]]; then
            goal "postgres refresh ≥ 0.7 of pgbench's ($(fraction "${rps[$db/refresh]}" "$(ceiling_of "$db/refresh")"))" \
                "$(at_least "$(fraction "${rps[$db/refresh]}" "$(ceiling_of "$db/refresh")")" 0.7)"
        fi
    done
    local total=0 key
    for key in "${rows[@]}"; do
        [[ "${errors[$key]:-0}" =~ ^[0-9]+$ ]] && total=$((total + errors[$key]))
    done
    goal "no errors ($total)" "$([[ $total == 0 ]] && echo 1 || echo 0)"
}
