package bot

import (
	"context"
	"testing"
	"time"
)

func TestInFlight(t *testing.T) {
	var w InFlight
	if !w.Wait(context.Background()) {
		t.Fatal("Wait with nothing in flight did not return true")
	}
	w.Add()
	w.Add()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if w.Wait(ctx) {
		t.Fatal("Wait returned true with work in flight")
	}
	done := make(chan bool)
	go func() { done <- w.Wait(context.Background()) }()
	w.Done()
	w.Add() // added while someone waits
	w.Done()
	if w.Count() != 1 {
		t.Fatalf("Count = %d, want 1", w.Count())
	}
	w.Done()
	if !<-done {
		t.Fatal("Wait did not see the work finish")
	}
}
