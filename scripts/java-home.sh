# Sourced by ./tiaojie and .ci/run: exports JAVA_HOME as a JDK 21 or newer.
# JAVA_HOME wins when it is 21+; otherwise the newest JDK 21+ installed in the usual places.

tiaojie_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

tiaojie_pick_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    local major
    major=$(tiaojie_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then
      echo "$JAVA_HOME"
      return 0
    fi
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(tiaojie_java_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ "$best_major" -ge 21 ]; then
    echo "$best"
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(tiaojie_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  fi
  echo "Tiaojie needs a JDK 21 or newer: install one, or point JAVA_HOME at it." >&2
  return 1
}

JAVA_HOME=$(tiaojie_pick_java_home) || exit 1
export JAVA_HOME

# Maven's own libraries still use sun.misc.Unsafe; JDK 24+ warns about it on every build unless allowed.
if [ "$(tiaojie_java_major "$JAVA_HOME")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
