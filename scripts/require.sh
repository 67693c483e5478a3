# Shared by run.sh and test.sh: checks for what the portal needs and installs what is missing.
# As root it installs Debian packages itself; otherwise it prints the one command to run and stops.

missing_packages=()

need_package() { # need_package COMMAND-OR-FILE PACKAGE
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -e "$1" ]; then
    missing_packages+=("$2")
  fi
}

install_missing_packages() {
  [ ${#missing_packages[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> Installing ${missing_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
  else
    echo "The portal needs these Debian packages: ${missing_packages[*]}" >&2
    echo "Install them with:  sudo apt-get install -y ${missing_packages[*]}" >&2
    echo "and run this script again." >&2
    exit 1
  fi
  missing_packages=()
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

# Thai dates (Buddhist Era), Thai sorting and time zones come from ICU and tzdata.
require_icu() {
  if ! ldconfig -p 2>/dev/null | grep -q libicuuc; then
    missing_packages+=("libicu-dev")
  fi
  need_package /usr/share/zoneinfo/Asia/Bangkok tzdata
  install_missing_packages
}
