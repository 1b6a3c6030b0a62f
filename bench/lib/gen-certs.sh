#!/usr/bin/env bash
# Generates the benchmark's PKI into DIR with openssl: one ECDSA P-256 CA and leaf certificates whose identity is
# a SPIFFE URI SAN, as Istio issues them. Every arm uses these same files, so TLS costs are equal across arms.
#   sidecar  spiffe://cluster.local/ns/demo-server/sa/default          (the allowed client identity)
#   gateway  spiffe://cluster.local/ns/istio-system/sa/istio-egressgateway-service-account
#            plus DNS names: its service name and the hosts it routes by SNI. HAProxy's sidecar checks the gateway's
#            certificate against the SNI it sends and cannot check a URI SAN; keep this list in step with
#            io.tollgate.bench.harness.Upstreams.
#   intruder spiffe://cluster.local/ns/demo-frontend/sa/default        (valid chain, wrong identity: must be refused)
# Outputs per identity NAME: NAME.crt, NAME.key (PKCS#8), NAME.pem (cert+key, HAProxy), NAME.p12 (password "bench").
set -euo pipefail
dir="${1:?usage: gen-certs.sh DIR}"
mkdir -p "$dir"
cd "$dir"
days=2

openssl ecparam -name prime256v1 -genkey -noout -out ca.ec.key 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in ca.ec.key -out ca.key
openssl req -x509 -new -key ca.key -sha256 -days "$days" -subj "/O=tollgate-bench/CN=bench-ca" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.crt 2>/dev/null

leaf() {
  local name="$1" san="$2" usage="$3"
  openssl ecparam -name prime256v1 -genkey -noout -out "$name.ec.key" 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in "$name.ec.key" -out "$name.key"
  openssl req -new -key "$name.key" -subj "/O=tollgate-bench" -out "$name.csr" 2>/dev/null
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\nsubjectAltName=critical,%s\n' \
    "$usage" "$san" >"$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days "$days" \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  cat "$name.crt" "$name.key" >"$name.pem"
  openssl pkcs12 -export -in "$name.crt" -inkey "$name.key" -certfile ca.crt -name "$name" \
    -passout pass:bench -out "$name.p12"
  rm -f "$name.csr" "$name.ext" "$name.ec.key"
}
leaf sidecar "URI:spiffe://cluster.local/ns/demo-server/sa/default" "clientAuth,serverAuth"
gateway_names="DNS:istio-egressgateway.istio-system.svc.cluster.local,DNS:echo.bench.internal,DNS:iperf.bench.internal"
gateway_names+=",DNS:rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com"
leaf gateway "URI:spiffe://cluster.local/ns/istio-system/sa/istio-egressgateway-service-account,$gateway_names" \
  "serverAuth,clientAuth"
leaf intruder "URI:spiffe://cluster.local/ns/demo-frontend/sa/default" "clientAuth,serverAuth"
rm -f ca.ec.key ca.srl
