package server

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestMethods: a 405 names the methods the route does answer, HEAD works
// wherever GET does, and the static files answer GET and HEAD only,
// without listing their directory.
func TestMethods(t *testing.T) {
	for _, c := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"POST", "/api/v1/search", 405, "GET, HEAD"},
		{"DELETE", "/api/v1/documents/0000000000000000", 405, "GET, HEAD"},
		{"PUT", "/search", 405, "GET, HEAD"},
		{"PUT", "/static/app.js", 405, "GET, HEAD"},
		{"DELETE", "/static/app.js", 405, "GET, HEAD"},
		{"TRACE", "/static/app.js", 405, "GET, HEAD"},
		{"HEAD", "/api/v1/search?q=council", 200, ""},
		{"HEAD", "/api/v1/status", 200, ""},
		{"HEAD", "/api/v1/suggest?q=ash", 200, ""},
		{"HEAD", "/api/v1/search.csv?q=council", 200, ""},
		{"HEAD", "/metrics", 200, ""},
		{"HEAD", "/static/app.js", 200, ""},
		{"GET", "/static/", 404, ""},
		{"GET", "/static/app.js", 200, ""},
	} {
		req, _ := http.NewRequest(c.method, testServer.URL+c.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status || resp.Header.Get("Allow") != c.allow {
			t.Errorf("%s %s: %d Allow %q, want %d %q", c.method, c.path, resp.StatusCode, resp.Header.Get("Allow"), c.status, c.allow)
		}
	}
	resp, body := get(t, "/static/")
	if strings.Contains(body, `href="app.js"`) || strings.Contains(body, "<pre>") {
		t.Errorf("/static/ lists its files: %d", resp.StatusCode)
	}
	// A HEAD of an export says the total without running the export.
	req, _ := http.NewRequest(http.MethodHead, testServer.URL+"/api/v1/search.csv?q=", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Total-Results") == "" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Errorf("HEAD of an export: %v", resp.Header)
	}
}

// TestConnectionCap: one address holds at most its cap of connections;
// the next is closed at once, and a place freed is taken again.
func TestConnectionCap(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
	srv.Listener.Close()
	srv.Listener = LimitConnections(ln, 2, nil)
	srv.Start()
	defer srv.Close()
	addr := ln.Addr().String()
	ask := func(c net.Conn) bool {
		c.SetDeadline(time.Now().Add(2 * time.Second))
		if _, err := c.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
			return false
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	}
	var conns []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	if !ask(conns[0]) || !ask(conns[1]) {
		t.Fatal("connections within the cap were not served")
	}
	if ask(conns[2]) {
		t.Error("a third connection from one address was served")
	}
	conns[0].Close()
	time.Sleep(100 * time.Millisecond)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if !ask(c) {
		t.Error("a place freed by a closed connection was not given again")
	}
}
