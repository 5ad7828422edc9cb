package server

import (
	"log/slog"
	"net"
	"sync"
)

// DefaultConnsPerClient is LimitConnections' cap for serve: room for a
// browser's six parallel connections many times over, or a small office
// behind one address.
const DefaultConnsPerClient = 64

// LimitConnections returns a listener that holds at most perClient open
// connections from one remote address: a connection past that is closed
// as soon as it is accepted. One client opening thousands of idle
// keep-alive connections would otherwise use up the process's file
// descriptors and lock every other client out. The address is the peer's
// own (a proxy's X-Forwarded-For is not known at accept time), so behind
// a proxy the cap should allow for the proxy's connections.
func LimitConnections(ln net.Listener, perClient int, log *slog.Logger) net.Listener {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &connLimiter{Listener: ln, max: perClient, open: map[string]int{}, log: log}
}

type connLimiter struct {
	net.Listener
	max  int
	log  *slog.Logger
	mu   sync.Mutex
	open map[string]int
	shed int
}

func (l *connLimiter) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		host := remoteHost(c)
		l.mu.Lock()
		full := l.open[host] >= l.max
		if !full {
			l.open[host]++
		} else if l.shed++; l.shed%1000 == 1 {
			l.log.Warn("connection refused: too many from one address", "client", host, "open", l.open[host], "refused", l.shed)
		}
		l.mu.Unlock()
		if full {
			c.Close()
			continue
		}
		return &limitedConn{Conn: c, release: func() { l.done(host) }}, nil
	}
}

func (l *connLimiter) done(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[host]--; l.open[host] <= 0 {
		delete(l.open, host)
	}
}

func remoteHost(c net.Conn) string {
	host, _, err := net.SplitHostPort(c.RemoteAddr().String())
	if err != nil {
		return c.RemoteAddr().String()
	}
	return host
}

// limitedConn gives its place back once, however often it is closed.
type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	c.once.Do(c.release)
	return c.Conn.Close()
}
