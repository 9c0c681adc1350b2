/**
 * The UDP tracker frontend (BEP 15, with BEP 41 URL data and opentracker's IPv6 announce, action
 * 4).
 *
 * <p>{@link io.karuta.frontend.udp.UdpListener} owns the sockets and the threads and only moves
 * bytes; {@link io.karuta.frontend.udp.UdpCodec} (pure: no sockets, no CDI, no logging) turns one
 * datagram into a {@link io.karuta.frontend.udp.UdpRequest} that says whether and how to answer,
 * and writes the replies; {@link io.karuta.frontend.udp.ConnectionIds} issues and checks the
 * stateless connection IDs that bind a client to its address. Together they never answer an
 * unverified source with more bytes than it sent, so the tracker cannot be used for reflection or
 * amplification (see docs/frontend.md).
 */
package io.karuta.frontend.udp;
