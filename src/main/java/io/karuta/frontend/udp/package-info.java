/**
 * The pure parts of the UDP tracker frontend (BEP 15, with BEP 41 URL data and opentracker's IPv6
 * announce, action 4): no sockets, no CDI, no logging.
 *
 * <p>{@link io.karuta.frontend.udp.UdpCodec} turns one datagram into a {@link
 * io.karuta.frontend.udp.UdpRequest} that says whether and how to answer, and writes the replies;
 * {@link io.karuta.frontend.udp.ConnectionIds} issues and checks the connection IDs that bind a
 * client to its address. Together they keep the tracker from answering an unverified source with
 * more bytes than it sent (reliability.md §2), so it cannot be used for reflection or
 * amplification. The listener that owns the socket only moves bytes between the channel and these
 * classes.
 */
package io.karuta.frontend.udp;
