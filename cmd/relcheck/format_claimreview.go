package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relcheck/relcheck/checker"
)

// claimReviewFormatter writes a JSON array of schema.org ClaimReview objects
// (JSON-LD), one per claim, for a publisher to put on its fact-check page.
// It streams the array's elements. <, > and & come out escaped, so the
// output can go inside a <script type="application/ld+json"> element as is.
//
// Google requires claimReviewed, reviewRating (with alternateName) and url,
// the address of the page that publishes the fact check. relcheck cannot know
// that address, nor when the page is published, so url and datePublished are
// left for the publisher to add. Input errors have no place in ClaimReview:
// they are held and reported by end, after the array is closed.
type claimReviewFormatter struct {
	w      io.Writer
	n      int      // elements written
	errors []string // inputs that could not be checked
}

func newClaimReviewFormatter(w io.Writer, _ outputOptions) formatter {
	return &claimReviewFormatter{w: w}
}

// The ClaimReview vocabulary relcheck fills. Field order is output order.
type (
	claimReview struct {
		Context       string        `json:"@context"`
		Type          string        `json:"@type"`
		ClaimReviewed string        `json:"claimReviewed"`
		ReviewRating  reviewRating  `json:"reviewRating"`
		ItemReviewed  reviewedClaim `json:"itemReviewed"`
		Author        organization  `json:"author"`
		ReviewBody    string        `json:"reviewBody,omitempty"`
		Citation      []string      `json:"citation,omitempty"`
	}
	// reviewRating is relcheck's rating scale: 1 Contradicted, 2 Unknown,
	// 3 Supported.
	reviewRating struct {
		Type          string `json:"@type"`
		RatingValue   int    `json:"ratingValue"`
		BestRating    int    `json:"bestRating"`
		WorstRating   int    `json:"worstRating"`
		AlternateName string `json:"alternateName"`
	}
	reviewedClaim struct {
		Type       string        `json:"@type"`
		Appearance *creativeWork `json:"appearance,omitempty"`
	}
	creativeWork struct {
		Type string `json:"@type"`
		URL  string `json:"url"`
	}
	organization struct {
		Type string `json:"@type"`
		Name string `json:"name"`
	}
)

func (f *claimReviewFormatter) begin(recordInfo) error {
	_, err := io.WriteString(f.w, "[")
	return err
}

func (f *claimReviewFormatter) result(r *result) error {
	if r.Error != "" {
		f.errors = append(f.errors, sanitize(r.Path)+": "+sanitize(r.Error))
	}
	for _, cl := range r.Claims {
		b, err := json.MarshalIndent(claimReviewOf(cl, r.URL), "  ", "  ")
		if err != nil {
			return err
		}
		if err := writeElement(f.w, &f.n, "  ", escapeC1(b)); err != nil {
			return err
		}
	}
	return nil
}

func (f *claimReviewFormatter) end(summary, []topClaim) error {
	closing := "\n]\n"
	if f.n == 0 {
		closing = "]\n"
	}
	if _, err := io.WriteString(f.w, closing); err != nil {
		return err
	}
	if len(f.errors) > 0 {
		return fmt.Errorf("%d inputs not checked: %s", len(f.errors), strings.Join(f.errors, "; "))
	}
	return nil
}

func claimReviewOf(cl *checker.Claim, pageURL string) claimReview {
	cr := claimReview{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		ClaimReviewed: strings.Join(strings.Fields(cl.Text), " "),
		ReviewRating:  reviewRating{Type: "Rating", BestRating: 3, WorstRating: 1},
		ItemReviewed:  reviewedClaim{Type: "Claim"},
		Author:        organization{Type: "Organization", Name: "relcheck"},
		ReviewBody:    cl.Explanation,
	}
	switch cl.Verdict {
	case checker.Contradicted:
		cr.ReviewRating.RatingValue, cr.ReviewRating.AlternateName = 1, "Contradicted"
	case checker.Supported:
		cr.ReviewRating.RatingValue, cr.ReviewRating.AlternateName = 3, "Supported"
	default:
		cr.ReviewRating.RatingValue, cr.ReviewRating.AlternateName = 2, "Unknown"
	}
	if pageURL != "" {
		cr.ItemReviewed.Appearance = &creativeWork{Type: "CreativeWork", URL: pageURL}
	}
	if cl.Correction != "" {
		if cr.ReviewBody != "" {
			cr.ReviewBody += " "
		}
		cr.ReviewBody += "Correction: " + cl.Correction
		if !strings.HasSuffix(cl.Correction, ".") {
			cr.ReviewBody += "."
		}
	}
	for _, e := range cl.Evidence {
		for _, s := range e.Sources {
			if !slices.Contains(cr.Citation, s) {
				cr.Citation = append(cr.Citation, s)
			}
		}
	}
	return cr
}
