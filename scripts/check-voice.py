#!/usr/bin/env python3
"""Measures how well the spoken clips can be told apart: each clip in assets/voice/ is run
through an offline speech recogniser (pocketsphinx, `pip install pocketsphinx`, whose wheel
carries its US English model) restricted to supple's own phrases, as a listener who knows the
routine would be. Prints how many clips are heard as their own phrase, and the others.
Needs sox (to decode Ogg Vorbis)."""
import os
import re
import subprocess
import sys
import tempfile

from pocketsphinx import Decoder

os.chdir(os.path.join(os.path.dirname(__file__), ".."))
rows = [l.rstrip("\n").split("\t") for l in open("assets/voice/phrases.tsv")
        if l.strip() and not l.startswith("#")]


def words(text):
    return re.sub(r"[^a-z ]", " ", text.lower().replace("-", " ")).split()


phrases = sorted({" ".join(words(t)) for _, t in rows})
grammar = "#JSGF V1.0;\ngrammar p;\npublic <p> = " + " | ".join(f"( {p} )" for p in phrases) + ";\n"
with tempfile.NamedTemporaryFile("w", suffix=".gram", delete=False) as g:
    g.write(grammar)
decoder = Decoder(samprate=16000, jsgf=g.name, logfn=os.devnull)
missed = []
for key, text in rows:
    raw = subprocess.run(["sox", f"assets/voice/{key}.ogg", "-t", "raw", "-r", "16000", "-c", "1",
                          "-b", "16", "-e", "signed", "-"], capture_output=True, check=True).stdout
    decoder.start_utt()
    decoder.process_raw(raw, full_utt=True)
    decoder.end_utt()
    heard = decoder.hyp().hypstr if decoder.hyp() else ""
    if heard.split() != words(text):
        missed.append((key, text, heard))
print(f"{len(rows) - len(missed)}/{len(rows)} clips heard as their own phrase among {len(phrases)}")
for key, text, heard in missed:
    print(f"  {key}: {text!r} heard as {heard!r}")
sys.exit(0)
