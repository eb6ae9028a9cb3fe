# Sourced by .ci/run: the web module's browser tests drive Debian's Chromium, and pages in Chinese need CJK fonts.
# Installs both when missing (as root, from Debian's packages); Playwright never downloads a browser of its own.

tiaojie_missing_browser_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  echo "${missing[@]:-}"
}

missing=$(tiaojie_missing_browser_packages)
if [ -n "$missing" ]; then
  echo "Installing for the browser tests: $missing"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
