#!/usr/bin/env bash
# Installs, when missing and when running as root, the Debian packages Tollgate needs.
#   install-deps.sh demo    what the demo, `tollgate up` and `tollgate run` use (MariaDB, mysql client, ip, iptables)
#   install-deps.sh tests   the above, plus what the test suite uses (haproxy for the benchmark harness's tests)
set -euo pipefail
profile="${1:-tests}"
need=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }
have mariadbd || need+=(mariadb-server)
have mysql || need+=(mariadb-client)
have iptables || need+=(iptables)
have ip || need+=(iproute2)
have script || need+=(bsdutils)
have openssl || need+=(openssl)
have mvn || need+=(maven)
if [ "$profile" = tests ]; then
  have haproxy || need+=(haproxy)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "tollgate: missing packages: ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2
  exit 0
fi
echo "tollgate: installing ${need[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
