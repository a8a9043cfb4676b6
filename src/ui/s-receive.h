/* s-receive.h — the state the steps of the reception flow share.
 *
 * The flow is four screens on the stack (procedure, documents, applicant,
 * summary) over one struct flow, owned by the first: Esc leaves a step
 * and keeps what was typed in the steps before it; leaving the first
 * frees everything.  Nothing is written before the summary's confirm. */
#ifndef MOTCUA_S_RECEIVE_H
#define MOTCUA_S_RECEIVE_H

#include <stdint.h>

#include "motcua/catalog.h"
#include "motcua/dossier.h"
#include "ui-int.h"

enum app_field { AF_ID, AF_NAME, AF_BIRTH, AF_PHONE, AF_ADDRESS, AF_EMAIL, AF_DELIVERY,
	AF_COUNT };

/* A document scanned at the checklist (s): the PDF held in memory until
 * the receipt is recorded, then attached to the new dossier (the summary's
 * commit); dropped with the flow, or when another procedure is picked. */
struct flow_scan {
	size_t doc;			/* its index in proc.docs */
	uint8_t *buf;
	size_t n;
	int pages;
};

struct flow {
	int base;			/* stack depth under the flow */
	const struct catalog_index *idx;	/* u->picker's, while F2 is open */
	size_t *hits, nhits;
	struct w_field search;
	struct w_list list;
	struct mc_procedure proc;	/* the procedure picked (code NULL: none) */
	struct w_check docs;
	bool guide;			/* documents missing: Mẫu 02, no dossier */
	struct w_field f[AF_COUNT];
	int focus;
	char looked_up[16];		/* the ID number last looked up */
	/* the citizen's open supplement request (Mẫu 02), the newest, one
	 * for this procedure first: the summary checks the documents
	 * brought now against what it asked for */
	struct mc_request req;
	bool has_req;
	struct mc_time at, due;		/* as shown on the summary */
	char reason[256];
	bool print;			/* p on the summary: print once recorded */
	struct flow_scan *scans;	/* in the order scanned */
	size_t nscans;
};

extern const struct screen_ops screen_docs, screen_applicant, screen_summary;

/* "1,3" (received positions), "all" or "none", into buf. */
void flow_docs_spec(const struct flow *fl, char *buf, size_t n);
/* How many required documents are not checked. */
size_t flow_missing(const struct flow *fl);
/* Check one applicant field; on error the message goes to the bottom
 * line and -1 is returned.  Warnings show but do not stop. */
int flow_check_field(struct ui *u, struct flow *fl, int i);
/* The pages scanned for document i (index in proc.docs), and for all. */
int flow_doc_pages(const struct flow *fl, size_t i);
int flow_scanned_pages(const struct flow *fl);
/* Drop every scan held. */
void flow_scans_free(struct flow *fl);
/* Is fl->req for the procedure being received? */
bool flow_req_here(const struct flow *fl);

#endif
