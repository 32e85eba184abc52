#!/usr/bin/env bash
# A PostgreSQL cluster that fails over by itself, with Rabita on top, on one machine or spread
# over several: etcd (the lock), Patroni on each PostgreSQL node (synchronous replication,
# promotion, rejoin), HAProxy (one port to the current primary, one to the replicas), Rabita
# servers on HAProxy's primary port, and nginx in front of them.
#
#   cluster.sh render DIR    the configuration files of every component into DIR, from the
#                            templates beside this script and the settings below
#   cluster.sh start DIR     starts every component rendered into DIR (pid files in DIR/run)
#   cluster.sh init-db DIR   roles, database and migrations through HAProxy; writes DIR/rabita.env
#   cluster.sh apps DIR      starts the Rabita servers (APP_PORTS) with DIR/rabita.env
#   cluster.sh status DIR    the cluster as Patroni sees it
#   cluster.sh stop DIR      stops everything started from DIR
#
# Settings (environment; defaults in brackets). Passwords are generated once into DIR/secrets.env.
#   NODES [3]  PG_PORTS ["5441 5442 5443"]  REST_PORTS ["8011 8012 8013"]
#   ETCD_PORT [2379]  ETCD_PEER_PORT [2380]  PRIMARY_PORT [5000]  REPLICA_PORT [5001]
#   APP_PORTS ["3001 3002"]  NGINX_PORT [8080]  BIND_ADDRESS [127.0.0.1]  NODE_ADDRESS [127.0.0.1]
#   CLIENT_NETWORK [127.0.0.1/32]  PATRONI_TTL [30]  PATRONI_LOOP_WAIT [10]
#   PATRONI_RETRY_TIMEOUT [10]  PG_SHARED_BUFFERS [128MB]  PG_BIN_DIR [/usr/lib/postgresql/15/bin]
#   CLUSTER_NAME [rabita]  RABITA [the checkout's bin/rabita.js]
#
# Debian: apt-get install patroni etcd-server haproxy nginx-light postgresql-15. Runs as root
# (PostgreSQL and Patroni as the postgres user). On several machines, render on each with
# NODE_ADDRESS and BIND_ADDRESS its own address, ETCD_HOSTS the etcd members (three in
# production), and start only the components that machine runs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
checkout=$(cd "$here/../.." && pwd)

: "${CLUSTER_NAME:=rabita}"
: "${NODES:=3}"
: "${PG_PORTS:=5441 5442 5443}"
: "${REST_PORTS:=8011 8012 8013}"
: "${ETCD_PORT:=2379}"
: "${ETCD_PEER_PORT:=2380}"
: "${PRIMARY_PORT:=5000}"
: "${REPLICA_PORT:=5001}"
: "${APP_PORTS:=3001 3002}"
: "${NGINX_PORT:=8080}"
: "${BIND_ADDRESS:=127.0.0.1}"
: "${NODE_ADDRESS:=127.0.0.1}"
: "${CLIENT_NETWORK:=127.0.0.1/32}"
: "${ETCD_HOSTS:=$NODE_ADDRESS:$ETCD_PORT}"
: "${PATRONI_TTL:=30}"
: "${PATRONI_LOOP_WAIT:=10}"
: "${PATRONI_RETRY_TIMEOUT:=10}"
: "${PG_SHARED_BUFFERS:=128MB}"
: "${PG_BIN_DIR:=/usr/lib/postgresql/15/bin}"
: "${RABITA:=$checkout/bin/rabita.js}"
export CLUSTER_NAME BIND_ADDRESS NODE_ADDRESS CLIENT_NETWORK ETCD_HOSTS PATRONI_TTL \
  PATRONI_LOOP_WAIT PATRONI_RETRY_TIMEOUT PG_SHARED_BUFFERS PG_BIN_DIR PRIMARY_PORT REPLICA_PORT \
  NGINX_PORT

die() {
  echo "cluster.sh: $*" >&2
  exit 1
}

# Replaces only the named ${VARIABLES}: nginx's own $host and friends stay as they are.
render_file() {
  local template=$1 out=$2
  shift 2
  envsubst "$(printf '${%s} ' "$@")" <"$template" >"$out"
  if grep -qE '\$\{[A-Z_]+\}' "$out"; then die "$out: $(grep -oE '\$\{[A-Z_]+\}' "$out" | head -1) left unset"; fi
}

secrets() {
  local dir=$1
  if [ ! -f "$dir/secrets.env" ]; then
    (
      umask 077
      {
        echo "SUPERUSER_PASSWORD=$(openssl rand -hex 16)"
        echo "REPLICATION_PASSWORD=$(openssl rand -hex 16)"
        echo "OWNER_PASSWORD=$(openssl rand -hex 16)"
        echo "APP_PASSWORD=$(openssl rand -hex 16)"
      } >"$dir/secrets.env"
    )
  fi
  # shellcheck disable=SC1091
  . "$dir/secrets.env"
  export SUPERUSER_PASSWORD REPLICATION_PASSWORD OWNER_PASSWORD APP_PASSWORD
}

render() {
  local dir=$1
  mkdir -p "$dir/run" "$dir/etcd" "$dir/nginx/temp"
  chmod 755 "$dir"
  chmod 700 "$dir/etcd"
  chmod 777 "$dir/nginx/temp"
  secrets "$dir"
  read -ra pg <<<"$PG_PORTS"
  read -ra rest <<<"$REST_PORTS"
  [ "${#pg[@]}" -ge "$NODES" ] && [ "${#rest[@]}" -ge "$NODES" ] || die "PG_PORTS and REST_PORTS need $NODES ports each"
  PRIMARY_SERVERS=''
  REPLICA_SERVERS=''
  for i in $(seq 1 "$NODES"); do
    local node="$dir/pg$i"
    mkdir -p "$node"
    NODE_NAME="pg$i" NODE_DIR=$node PG_PORT=${pg[i - 1]} REST_PORT=${rest[i - 1]} \
      render_file "$here/patroni.yml.in" "$node/patroni.yml" CLUSTER_NAME NODE_NAME BIND_ADDRESS \
      NODE_ADDRESS REST_PORT ETCD_HOSTS PATRONI_TTL PATRONI_LOOP_WAIT PATRONI_RETRY_TIMEOUT \
      PG_SHARED_BUFFERS PG_PORT NODE_DIR PG_BIN_DIR SUPERUSER_PASSWORD REPLICATION_PASSWORD \
      CLIENT_NETWORK
    chown -R postgres:postgres "$node"
    chmod 700 "$node"
    PRIMARY_SERVERS+="    server pg$i $NODE_ADDRESS:${pg[i - 1]} maxconn 200 check port ${rest[i - 1]}"$'\n'
    REPLICA_SERVERS+="    server pg$i $NODE_ADDRESS:${pg[i - 1]} maxconn 200 check port ${rest[i - 1]}"$'\n'
  done
  export PRIMARY_SERVERS REPLICA_SERVERS
  render_file "$here/haproxy.cfg.in" "$dir/haproxy.cfg" BIND_ADDRESS PRIMARY_PORT REPLICA_PORT \
    PRIMARY_SERVERS REPLICA_SERVERS
  APP_SERVERS=''
  for port in $APP_PORTS; do
    APP_SERVERS+="    server $NODE_ADDRESS:$port max_fails=1 fail_timeout=5s;"$'\n'
  done
  export APP_SERVERS
  render_file "$here/nginx.conf.in" "$dir/nginx/site.conf" APP_SERVERS BIND_ADDRESS NGINX_PORT
  cat >"$dir/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $dir/nginx/temp/body;
    proxy_temp_path $dir/nginx/temp/proxy;
    fastcgi_temp_path $dir/nginx/temp/fastcgi;
    uwsgi_temp_path $dir/nginx/temp/uwsgi;
    scgi_temp_path $dir/nginx/temp/scgi;
    include $dir/nginx/site.conf;
}
EOF
  # The etcd member, as command-line flags (etcd 3.4 reads no file by default).
  cat >"$dir/etcd.args" <<EOF
--name etcd1 --data-dir $dir/etcd --logger zap --log-level warn
--listen-client-urls http://$BIND_ADDRESS:$ETCD_PORT --advertise-client-urls http://$NODE_ADDRESS:$ETCD_PORT
--listen-peer-urls http://$BIND_ADDRESS:$ETCD_PEER_PORT --initial-advertise-peer-urls http://$NODE_ADDRESS:$ETCD_PEER_PORT
--initial-cluster etcd1=http://$NODE_ADDRESS:$ETCD_PEER_PORT --initial-cluster-state new
EOF
  echo "rendered into $dir"
}

# Starts a command in the background, its output in DIR/run/NAME.log, its pid in DIR/run/NAME.pid.
launch() {
  local dir=$1 name=$2
  shift 2
  if [ -f "$dir/run/$name.pid" ] && kill -0 "$(cat "$dir/run/$name.pid")" 2>/dev/null; then
    echo "$name already runs"
    return
  fi
  setsid "$@" >>"$dir/run/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/run/$name.pid"
  echo "started $name (pid $!)"
}

start() {
  local dir=$1
  # shellcheck disable=SC2046
  launch "$dir" etcd etcd $(cat "$dir/etcd.args")
  for i in $(seq 1 "$NODES"); do
    launch "$dir" "pg$i" runuser -u postgres -- patroni "$dir/pg$i/patroni.yml"
  done
  launch "$dir" haproxy haproxy -db -f "$dir/haproxy.cfg"
  launch "$dir" nginx nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log"
}

init_db() {
  local dir=$1 tries=0
  secrets "$dir"
  local url="postgres://postgres:$SUPERUSER_PASSWORD@$NODE_ADDRESS:$PRIMARY_PORT/postgres"
  until psql "$url" -Atqc 'select not pg_is_in_recovery()' 2>/dev/null | grep -q t; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || die "no primary behind HAProxy after 120 s"
    sleep 1
  done
  psql "$url" -v ON_ERROR_STOP=1 -q <<EOF
select format('create role rabita_owner login password %L', '$OWNER_PASSWORD')
  where not exists (select from pg_roles where rolname = 'rabita_owner') \gexec
select format('create role rabita_app login password %L', '$APP_PASSWORD')
  where not exists (select from pg_roles where rolname = 'rabita_app') \gexec
select 'create database rabita owner rabita_owner'
  where not exists (select from pg_database where datname = 'rabita') \gexec
EOF
  local base="$NODE_ADDRESS:$PRIMARY_PORT/rabita"
  (
    umask 077
    {
      echo "DATABASE_URL=postgres://rabita_app:$APP_PASSWORD@$base"
      echo "RABITA_MIGRATION_DATABASE_URL=postgres://rabita_owner:$OWNER_PASSWORD@$base"
      echo "RABITA_TRUST_PROXY=1"
    } >"$dir/rabita.env"
  )
  env $(cat "$dir/rabita.env") node "$RABITA" migrate
  echo "database ready; settings in $dir/rabita.env"
}

apps() {
  local dir=$1
  for port in $APP_PORTS; do
    # shellcheck disable=SC2046
    launch "$dir" "app-$port" env $(grep -v MIGRATION "$dir/rabita.env") PORT="$port" \
      HOST="$BIND_ADDRESS" node "$RABITA" serve
  done
}

status() {
  patronictl -c "$1/pg1/patroni.yml" list
}

stop() {
  local dir=$1
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    local pid
    pid=$(cat "$pidfile")
    # The whole session: Patroni's PostgreSQL and a server's children stop with it.
    kill -TERM -- "-$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

[ $# -eq 2 ] || die "usage: cluster.sh render|start|init-db|apps|status|stop DIR"
dir=$(mkdir -p "$2" && cd "$2" && pwd)
case $1 in
render) render "$dir" ;;
start) start "$dir" ;;
init-db) init_db "$dir" ;;
apps) apps "$dir" ;;
status) status "$dir" ;;
stop) stop "$dir" ;;
*) die "unknown command $1" ;;
esac
