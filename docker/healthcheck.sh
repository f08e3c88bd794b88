#!/usr/bin/env bash
# Container health check of every mqchat image: asks the process's own /health/ready (200 = ready) over
# bash's /dev/tcp, because neither curl nor wget is in every base image.
# Usage: healthcheck.sh DEFAULT_PORT   (MQCHAT_METRICS_PORT, when set, wins)
set -euo pipefail
port="${MQCHAT_METRICS_PORT:-$1}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r status <&3
[[ "$status" == *" 200 "* ]]
