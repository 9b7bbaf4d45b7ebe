#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Is stdin UTF-8, with no control character but newline?  Says which."""
import sys

data = sys.stdin.buffer.read()
try:
    text = data.decode('utf-8')
except UnicodeDecodeError as e:
    print('not UTF-8: %r' % data[max(0, e.start - 20):e.end + 20])
    sys.exit(0)
bad = [c for c in text if (ord(c) < 0x20 and c != '\n') or 0x7f <= ord(c) < 0xa0]
print('control characters: %r' % bad if bad else 'UTF-8, no control characters')
