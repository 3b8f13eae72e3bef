#!/bin/sh
# Prints the home of a JDK >= 25 for kobj's build and launcher, or says in one line what to install.
# Order: $JAVA_HOME, the java on PATH, then the usual install folders (newest first).
set -eu
required=25

feature_of() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

usable() { v=$(feature_of "$1"); [ -n "$v" ] && [ "$v" -ge "$required" ]; }

if [ -n "${JAVA_HOME-}" ] && usable "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
if command -v javac >/dev/null 2>&1; then
  home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if usable "$home"; then echo "$home"; exit 0; fi
fi
best= best_v=0
for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
  [ -d "$home" ] || continue
  v=$(feature_of "$home")
  if [ -n "$v" ] && [ "$v" -ge "$required" ] && [ "$v" -gt "$best_v" ]; then best=$home best_v=$v; fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
echo "kobj needs a JDK $required or newer: install one (Debian: apt-get install temurin-$required-jdk from Adoptium) or set JAVA_HOME to it" >&2
exit 1
