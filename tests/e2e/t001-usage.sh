#!/bin/sh
# The command line: help, version, exit status 2 for bad usage.
. "$(dirname "$0")/lib.sh"

check "--help exits 0 and names every command" sh -c "'$COLLOQUY' --help | grep -q 'colloquy render' && '$COLLOQUY' --help | grep -q 'colloquy split'"
check "--version prints a version" sh -c "'$COLLOQUY' --version | grep -Eq '^colloquy [0-9a-f.]'"
fails "no command is bad usage" 2 "$COLLOQUY"
fails "an unknown command is bad usage" 2 "$COLLOQUY" frobnicate
fails "render without FILE is bad usage" 2 "$COLLOQUY" render
fails "an unknown option is bad usage" 2 "$COLLOQUY" render x.txt --loud
fails "--rate that MP3 cannot carry is bad usage" 2 "$COLLOQUY" render x.txt --rate 12345
fails "--bitrate out of range is bad usage" 2 "$COLLOQUY" render x.txt --bitrate 1000
fails "--vbr out of range is bad usage" 2 "$COLLOQUY" render x.txt --vbr 10
fails "split with two files is bad usage" 2 "$COLLOQUY" split a b
