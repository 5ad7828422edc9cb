package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The browser tests drive a real Chromium against the test server. They
// share one browser process; each subtest opens its own tab. In CI a
// missing browser is a failure, elsewhere a reason to skip.

// chromiumPath finds Debian's Chromium, or the binary CHROMIUM names.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// missing skips a test outside CI and fails it in CI.
func missing(t *testing.T, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing, and CI is set: the browser tests must run", what)
	}
	t.Skipf("%s is missing; set CI to make this a failure", what)
}

// mustBrowser starts one headless Chromium for the calling test.
func mustBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		missing(t, "Chromium")
	}
	// The machine has no network beyond package registries: every
	// background service of the browser is off, so nothing but the pages
	// under test makes a request.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	origin := testServer.URL
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: "granted", Origin: origin,
		}); err != nil {
			t.Logf("grant %s: %v", name, err)
		}
	}
	return ctx
}

// tab is one browser tab with everything the pages must never do recorded:
// dialogs, uncaught exceptions, errors in the console (which is where
// Content-Security-Policy violations are reported) and requests to another
// origin.
type tab struct {
	ctx      context.Context
	t        *testing.T
	mu       sync.Mutex
	problems []string
}

// cspProbe runs before any page script and collects the CSP violations the
// page reports, in case the console misses one.
const cspProbe = `window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`

func newTab(t *testing.T, browserCtx context.Context) *tab {
	t.Helper()
	tb := &tab{t: t}
	origin := testServer.URL
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithListener(func(ev any) {
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			tb.problem("a dialog opened: %s %q", ev.Type, ev.Message)
		case *runtime.EventExceptionThrown:
			tb.problem("uncaught exception: %s", exceptionText(ev.ExceptionDetails))
		case *log.EventEntryAdded:
			if ev.Entry.Level == "error" && !expectedError(ev.Entry) {
				tb.problem("console %s error: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if !strings.HasPrefix(u, origin+"/") && u != origin {
				tb.problem("a request left the origin: %s", u)
			}
		}
	}))
	t.Cleanup(cancel)
	tb.ctx = ctx
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		errOf(chromedp.Call(ctx, network.Enable, network.EnableParams{})),
		errOf(chromedp.Call(ctx, log.Enable, cdp.Empty{})),
		errOf(chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspProbe})),
		// A headless tab is never focused, and the clipboard wants focus.
		errOf(chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	// Dialogs block the page; close them so the test can report them.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return tb
}

// expectedError leaves out the errors a test causes on purpose: the 404
// of a page that does not exist.
func expectedError(e *log.Entry) bool {
	return e.Source == "network" && strings.Contains(e.Text, "404")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return ""
	}
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Exception.Description
	}
	return d.Text
}

func errOf[T any](_ T, err error) error { return err }

func (tb *tab) problem(format string, args ...any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.problems = append(tb.problems, fmt.Sprintf(format, args...))
}

// clean fails the test for anything the tab recorded so far, and for CSP
// violations the page itself saw.
func (tb *tab) clean() {
	tb.t.Helper()
	var csp []string
	if v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`window.__csp || []`)); err == nil {
		csp = v
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		tb.t.Error(p)
	}
	for _, v := range csp {
		tb.t.Errorf("Content-Security-Policy violation: %s", v)
	}
	tb.problems = nil
}

// do runs actions with a time limit, so that a broken page fails fast
// instead of hanging the suite.
func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 15*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatal(err)
	}
}

// open loads a page of the test server and waits until it has loaded.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(testServer.URL + path))
}

func evalIn[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 15*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds. A navigation
// destroys the page the condition runs in, so errors are retried too.
func (tb *tab) waitFor(what, js string) {
	tb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(tb.ctx, time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(25 * time.Millisecond)
	}
	tb.t.Fatalf("waited 10 s for %s (%s); last error: %v", what, js, lastErr)
}

// waitForURL waits until a navigation has reached a URL with the given
// query text, and the new page's DOM is ready.
func (tb *tab) waitForURL(contains string) {
	tb.t.Helper()
	tb.waitFor("a page at a URL holding "+contains,
		fmt.Sprintf(`location.href.includes(%q) && document.readyState !== 'loading'`, contains))
}

// screenshot writes a full-page PNG into test-output/browser at the root of
// the repository, which git ignores.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("..", "test-output", "browser")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

func (tb *tab) viewport(width, height int64) {
	tb.t.Helper()
	tb.do(chromedp.EmulateViewport(width, height))
}
