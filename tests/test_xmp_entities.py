"""XMP packets (in PDFs and images) are parsed without expanding entities:
a packet that declares them is read as text, tags dropped, so a name in it is
still found and an entity bomb cannot stall the build."""

from __future__ import annotations

import time

from lscb_checks.text.xmp import xmp_entries

PACKET = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>
<rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""

BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "Zebedee Quinlan lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
]>"""


def test_a_plain_packet_gives_its_values():
    assert ("dc:creator", "Zebedee Quinlan") in xmp_entries(PACKET.format(creator="Zebedee Quinlan"))


def test_a_packet_with_entities_is_read_as_text_without_expanding_them():
    packet = BOMB + PACKET.format(creator="&lol7;").split("?>", 1)[1]
    started = time.perf_counter()
    entries = xmp_entries(packet)
    elapsed = time.perf_counter() - started
    assert entries and entries[0][0] == "packet"
    text = entries[0][1]
    assert "Zebedee Quinlan" in text  # the declared text is read once, as written
    assert len(text) < 5000, "entities were expanded"
    print(f"read in {elapsed * 1000:.1f} ms")
