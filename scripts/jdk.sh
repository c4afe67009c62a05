# Sourced by ./berth and ./run-tests: selects a JDK 25 (or newer) as JAVA_HOME, or stops with what to install.

berth_jdk_feature() {
    # The feature version (25 of 25.0.1) of the JDK at $1, or nothing.
    local home=$1 version=""
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
    if [ -f "$home/release" ]; then
        version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    fi
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    fi
    printf '%s' "$version"
}

berth_select_jdk() {
    local candidate feature
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* \
        "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -n "$candidate" ] && [ -d "$candidate" ] || continue
        feature=$(berth_jdk_feature "$candidate")
        if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then
            export JAVA_HOME=$candidate
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    cat >&2 <<'MSG'
berth: no JDK 25 found (looked at $JAVA_HOME, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks).
Install one, for example Eclipse Temurin 25 (package temurin-25-jdk from the Adoptium repository),
or point JAVA_HOME at a JDK 25 folder, then run this command again.
MSG
    exit 3
}

berth_require_maven() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "berth: Maven is not installed: install it (Debian: apt-get install maven) and run this command again." >&2
        exit 3
    fi
}
