package main

import (
	"fmt"
	"io"

	"github.com/marsad-project/marsad"
)

func writeCoNLL(w io.Writer, d *marsad.Doc) error {
	return fmt.Errorf("conll output needs the entity recognizer")
}
