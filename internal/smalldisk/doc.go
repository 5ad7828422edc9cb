// Package smalldisk gives tests a file system that runs out of room: a
// small tmpfs mounted for one test, then shrunk to what it holds and a
// little more, so that the next large write fails with ENOSPC.
//
// Mounting needs root (CI runs as root); elsewhere the test is skipped.
package smalldisk
