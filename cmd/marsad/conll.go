package main

import (
	"io"

	"github.com/marsad-project/marsad"
	"github.com/marsad-project/marsad/extract/entity"
)

func writeCoNLL(w io.Writer, d *marsad.Doc) error {
	return entity.WriteCoNLL(w, d)
}
