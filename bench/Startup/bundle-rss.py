#!/usr/bin/env python3
"""Which files of a running single-file bot its resident bundle pages belong to.

    bench/Startup/bundle-rss.py <pid>

Reads the bundle's manifest (the file table the .NET single-file host appends to the executable), the mappings of the
executable in /proc/<pid>/maps and, page by page, whether each is resident (/proc/<pid>/pagemap, needs root), and adds
the resident pages up by the bundled file their offset in the executable falls in. Page by page because the kernel
merges neighbouring mappings of one file into one. Pages outside every bundled file are the single-file host with the
runtime linked in. Public tools only: python3.
"""
import bisect
import os
import re
import struct
import sys

# The marker the SDK writes just after the 8-byte offset of the bundle header (dotnet/runtime, HostModel).
SIGNATURE = bytes([0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
                   0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae])


def read_string(data, pos):
    length, shift = 0, 0
    while True:
        b = data[pos]
        pos += 1
        length |= (b & 0x7f) << shift
        shift += 7
        if b < 0x80:
            break
    return data[pos:pos + length].decode("utf-8"), pos + length


def manifest(path):
    with open(path, "rb") as f:
        data = f.read()
    marker = data.find(SIGNATURE)
    if marker < 8:
        sys.exit(f"{path}: not a single-file bundle")
    header = struct.unpack_from("<q", data, marker - 8)[0]
    major, _minor, count = struct.unpack_from("<IIi", data, header)
    _bundle_id, pos = read_string(data, header + 12)
    if major >= 2:
        pos += 8 * 5  # deps.json and runtimeconfig.json offset and size, flags
    files = []
    for _ in range(count):
        offset, size = struct.unpack_from("<qq", data, pos)
        pos += 16
        if major >= 6:
            pos += 8  # compressed size
        pos += 1  # file type
        name, pos = read_string(data, pos)
        files.append((offset, offset + size, name))
    return sorted(files)


PAGE = os.sysconf("SC_PAGE_SIZE")


def main():
    pid = sys.argv[1]
    exe = os.readlink(f"/proc/{pid}/exe")
    files = manifest(exe)
    starts = [f[0] for f in files]
    totals = {}
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for line in maps:
            fields = line.split(None, 5)
            if len(fields) < 6 or fields[5].strip() != exe:
                continue
            low, high = (int(x, 16) for x in fields[0].split("-"))
            offset = int(fields[2], 16)
            pagemap.seek(low // PAGE * 8)
            entries = pagemap.read((high - low) // PAGE * 8)
            for i in range(0, len(entries), 8):
                if not struct.unpack_from("<Q", entries, i)[0] >> 63:
                    continue  # not resident
                at = offset + i // 8 * PAGE
                k = bisect.bisect_right(starts, at) - 1
                name = files[k][2] if k >= 0 and at < files[k][1] else "(host and runtime)"
                totals[name] = totals.get(name, 0) + PAGE // 1024
    total = sum(totals.values())
    print(f"{total / 1024:7.1f} MB resident from {exe}")
    for name, kb in sorted(totals.items(), key=lambda t: -t[1]):
        if kb >= 256:
            print(f"{kb / 1024:7.1f} MB  {name}")


main()
