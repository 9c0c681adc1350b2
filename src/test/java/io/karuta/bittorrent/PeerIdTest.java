package io.karuta.bittorrent;

/** {@link PeerId} follows the 20-byte identifier rules; its other uses are tested with peers. */
class PeerIdTest extends TwentyByteIdContract<PeerId> {

  PeerIdTest() {
    super(PeerId::of, PeerId::of, PeerId::bytes, PeerId::writeTo);
  }
}
