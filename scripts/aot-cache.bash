# An AOT cache (JDK 25, JEP 483/514/515) for a launcher: the classes a run loads and links, the
# lambdas and switches it bootstraps and the methods' profiles, recorded once per build by a
# training run of a fixed workload. It cuts start-up and the time of each kind of statement's
# first run. Sourced by ./tursodb and ./slt, which define, before calling aot_use:
#
#   java          a JDK 25 java binary
#   classpath     the class path to run with (class directories and jars)
#   jvm_options   an array of the JVM options to run with
#   aot_train     a function: aot_train CACHE_FILE CLASS_PATH runs the training workload on that
#                 class path with -XX:AOTCacheOutput=CACHE_FILE, in the current directory
#
# A cache needs jars, so the class directories are jarred next to it. It lives in ROOT/<key>,
# where the key covers the JDK, the class path and the newest file in it: a rebuild makes a new
# cache. Anything that goes wrong (no jar tool, a read-only tree, a failed training) leaves the
# plain class path, silently.

aot_newest() {  # the newest modification time of any file on the class path
    local entries
    IFS=: read -r -a entries <<< "$classpath"
    find "${entries[@]}" -type f -printf '%T@\n' 2>/dev/null | sort -n | tail -n 1
}

aot_build() {  # $1: the cache's root, $2: its directory, to create. Fails if anything fails.
    local root="$1" dir="$2" jar_tool="${java%/bin/java}/bin/jar" entry i=0 jars=() entries
    [[ -x "$jar_tool" ]] || return 1
    # A cache records the class path it was trained on, so it is built where it will be used;
    # creating the directory is the lock that keeps two launchers from building it at once.
    mkdir -p "$root" && mkdir "$dir" || return 1
    IFS=: read -r -a entries <<< "$classpath"
    for entry in "${entries[@]}"; do
        if [[ -d "$entry" ]]; then
            i=$((i + 1))
            "$jar_tool" --create --file "$dir/classes$i.jar" -C "$entry" . || return 1
            jars+=("$dir/classes$i.jar")
        else
            jars+=("$entry")
        fi
    done
    local aot_classpath
    aot_classpath="$(IFS=:; echo "${jars[*]}")"
    # Files the workload writes stay in a scratch directory. Its exit status is the workload's
    # (a script may fail on purpose): the cache file tells whether training worked.
    mkdir "$dir/run" || return 1
    (cd "$dir/run" && aot_train "$dir/training.aot" "$aot_classpath") || true
    [[ -s "$dir/training.aot" ]] || return 1
    rm -rf "$dir/run"
    printf '%s\n' "$aot_classpath" > "$dir/classpath" && mv "$dir/training.aot" "$dir/run.aot"
}

aot_use() {  # $1: the caches' root folder. Adds the cache to jvm_options and classpath when there is one.
    local root="$1" key dir
    key="$(printf '%s\n' "$java" "$classpath" "$(aot_newest)" | cksum | cut -d ' ' -f 1)"
    dir="$root/$key"
    # A build that died half-way (its directory, no cache, no failure noted, minutes old) is tried again.
    if [[ -d "$dir" && ! -e "$dir/run.aot" && ! -e "$dir/failed" && -n "$(find "$dir" -maxdepth 0 -mmin +10 2>/dev/null)" ]]; then
        rm -rf "$dir" 2>/dev/null || true
    fi
    if [[ ! -e "$dir" ]]; then
        if aot_build "$root" "$dir" > /dev/null 2>&1; then
            # Older caches go (a run still using one keeps its open files until it exits).
            find "$root" -mindepth 1 -maxdepth 1 ! -name "$key" -exec rm -rf {} + 2>/dev/null || true
        else
            # Left in place, with no cache in it, so this build is not tried on every start.
            rm -rf "$dir/run" 2>/dev/null || true
            : > "$dir/failed" 2>/dev/null || true
        fi
    fi
    if [[ -s "$dir/run.aot" && -s "$dir/classpath" ]]; then
        # A cache the JVM finds unusable is ignored; -Xlog keeps its warning off the output.
        jvm_options+=(-XX:AOTCache="$dir/run.aot" -Xlog:aot=off -Xlog:cds=off)
        classpath="$(cat "$dir/classpath")"
    fi
}
