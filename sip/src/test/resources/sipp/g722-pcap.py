#!/usr/bin/env python3
"""Wraps raw G.722 (as ffmpeg writes it with -f g722) in RTP packets in a pcap that SIPp's play_pcap_audio
replays: payload type 9, 160 bytes (20 ms) per packet, timestamps +160 (G.722's RTP clock is 8000 Hz, RFC 3551
4.5.2), one packet every 20 ms. Usage: g722-pcap.py speech.g722 g722-speech.pcap"""
import struct
import sys

raw = open(sys.argv[1], 'rb').read()
out = open(sys.argv[2], 'wb')
out.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))  # pcap header, Ethernet
for n, at in enumerate(range(0, len(raw) - 159, 160)):
    rtp = struct.pack('!BBHII', 0x80, (0x80 if n == 0 else 0) | 9, n & 0xFFFF, 1000 + 160 * n, 0x4722) + raw[at:at + 160]
    udp = struct.pack('!HHHH', 6000, 6002, 8 + len(rtp), 0) + rtp
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), n & 0xFFFF, 0, 64, 17, 0,
                     bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1])) + udp
    frame = b'\x00' * 12 + b'\x08\x00' + ip
    micros = n * 20000
    out.write(struct.pack('<IIII', micros // 1000000, micros % 1000000, len(frame), len(frame)) + frame)
out.close()
