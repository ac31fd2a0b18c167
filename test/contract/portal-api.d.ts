// The portal API's types, generated from docs/openapi.json by `npm run client-types` (openapi-typescript): do not edit.
// biome-ignore-all format: generator output, compared byte for byte by test/unit/client-types.test.ts

export interface paths {
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tasks: open by deadline (ascending) or completed by completion (newest first)
         * @description One page of open or completed tasks; follow `nextCursor` for the next.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a manual task in the caller's organisation (optional Idempotency-Key header)
         * @description Creates a manual task; a retried Idempotency-Key replays it.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts of the caller's open tasks per portal tab, overdue and due today
         * @description Open tasks per portal tab, overdue and due today.
         */
        get: operations["summarizeTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's tasks as CSV: the filters of GET /tasks, every page, at most 10,000 rows
         * @description Every task GET /tasks would list, as CSV; 413 over 10,000 rows.
         */
        get: operations["exportTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One task
         * @description One task of the caller's party and organisation; any other id is 404.
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A task's audit history, oldest first
         * @description Every change of the task, oldest first: who, when, what.
         */
        get: operations["getTaskHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/postpone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the deadline later (open and not yet overdue); originalDeadline stays
         * @description Moves the deadline of an open task later.
         */
        post: operations["postponeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign to a user of the organisation, or unassign with null
         * @description Assigns the task to a user, or unassigns it.
         */
        post: operations["assignTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * "Mark as done": only where the catalogue allows manual completion, otherwise 409
         * @description Marks the task as done where its type allows.
         */
        post: operations["completeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign, postpone or mark as done up to 100 tasks; each item is applied or refused on its own
         * @description Up to 100 actions; each item answers its own status.
         */
        post: operations["changeTasksInBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a call on a call reminder: completes it, or keeps it open rescheduled to rescheduleTo
         * @description Logs a call: completes or reschedules the reminder.
         */
        post: operations["logTaskCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reopen a task the nightly chat cleanup closed (within 7 days): its deadline kept, the chat kept as feedback
         * @description Reopens a task the chat cleanup closed within 7 days; its chat becomes a reply_needed example.
         */
        post: operations["reopenTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the creditor for more business days on an SLA task (optional Idempotency-Key header)
         * @description Asks the creditor for 1-20 more business days; the creditor gets an approve_extension task.
         */
        post: operations["requestTaskExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve the extension request of an approve_extension task: the SLA deadline moves by its business days
         * @description Approves the request: the task's SLA deadline (or the case's next update due) moves.
         */
        post: operations["approveExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject the extension request of an approve_extension task: the SLA deadline stays
         * @description Rejects the request: the task's SLA deadline (or the case's next update due) stays.
         */
        post: operations["rejectExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/update-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the creditor for more calendar days before the next status update of a case is due (optional Idempotency-Key header)
         * @description Asks the case's creditor for 1-30 more calendar days before the next status update is due.
         */
        post: operations["requestCaseUpdateExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/action-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's open tasks on a case as action items, split into overdue and upcoming (by deadline)
         * @description The caller's open tasks on one case.
         */
        get: operations["listCaseActionItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla/score": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SLA component of the caller's Partner Score for a period, with a breakdown per task type
         * @description The SLA component of the caller's Partner Score for a period.
         */
        get: operations["getSlaScore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case-update SLA dashboard of the caller's active cases (seed 002)
         * @description Each active case with its case-update SLA status.
         */
        get: operations["getSlaCaseDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla/terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller creditor's SLA terms in force and its newest versions (any role)
         * @description The creditor's terms in force and its newest versions.
         */
        get: operations["getSlaTerms"];
        /**
         * Set the caller creditor's SLA terms, or its agreement with one partner (owners only); effective now
         * @description Sets a new version of the creditor terms, effective now (owners).
         */
        put: operations["setSlaTerms"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{caseId}/sla-terms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SLA terms in force now for a case, value by value with where each comes from (both parties)
         * @description The terms in force for a case, to both parties.
         */
        get: operations["getCaseSlaTerms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Monthly SLA scorecards from `from` to `to`: a partner its own, a creditor its partners on its cases
         * @description Monthly SLA scorecards; `Accept: text/csv` exports.
         */
        get: operations["listSlaScorecards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla/score/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SLA score of a period if the named open tasks were completed at `at` (default now)
         * @description The score if the named open tasks were completed at `at`.
         */
        get: operations["getSlaWhatIf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller org's working calendar (time zone, public holidays, closed days) (the effective default until an owner sets it); any role
         * @description Reads the time zone, public holidays and closed days; the effective defaults until an owner sets them.
         */
        get: operations["getCalendarSettings"];
        /**
         * Replace the caller org's working calendar (time zone, public holidays, closed days) (owners only); applies to tasks created or re-planned afterwards
         * @description Replaces the time zone, public holidays and closed days as a whole (owners only).
         */
        put: operations["replaceCalendarSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller org's deadline warnings and escalation (the effective default until an owner sets it); any role
         * @description Reads the deadline warning and escalation settings; the effective defaults until an owner sets them.
         */
        get: operations["getReminderSettings"];
        /**
         * Replace the caller org's deadline warnings and escalation (owners only); applies to tasks created or re-planned afterwards
         * @description Replaces the deadline warning and escalation settings as a whole (owners only).
         */
        put: operations["replaceReminderSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/auto-assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller org's auto-assignment rules per task type (the effective default until an owner sets it); any role
         * @description Reads the auto-assignment rules per task type; the effective defaults until an owner sets them.
         */
        get: operations["getAutoAssignmentSettings"];
        /**
         * Replace the caller org's auto-assignment rules per task type (owners only); applies to tasks created or re-planned afterwards
         * @description Replaces the auto-assignment rules per task type as a whole (owners only).
         */
        put: operations["replaceAutoAssignmentSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/chat-cleanup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller org's nightly chat cleanup mode (off, shadow, on) (the effective default until an owner sets it); any role
         * @description Reads the org's chat cleanup mode; `deployment` until an owner sets it.
         */
        get: operations["getChatCleanupSettings"];
        /**
         * Replace the caller org's nightly chat cleanup mode (off, shadow, on) (owners only); applies to tasks created or re-planned afterwards
         * @description Sets the org's chat cleanup mode: off, shadow, on or deployment (owners only).
         */
        put: operations["replaceChatCleanupSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat-cleanup/shadow-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tasks of the caller's org a shadow night would have closed, with the reasons; owners and managers
         * @description What a shadow night would have closed in your org, with reasons (owners, managers).
         */
        get: operations["getChatCleanupShadowReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat-cleanup/examples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Conversations of AI-closed tasks people reopened, labelled reply_needed in the corpus format; owners
         * @description Reopened AI-closed chats in the corpus format, labelled reply_needed (owners).
         */
        get: operations["listChatCleanupExamples"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's saved views and those shared in its org and party (any role)
         * @description Your saved views, then those shared in your org (read-only).
         */
        get: operations["listSavedViews"];
        put?: never;
        /**
         * Save a named filter set of GET /tasks (any role; `shared` by owners only); at most 50 per user
         * @description Saves a named filter set of GET /tasks; 409 beyond 50.
         */
        post: operations["createSavedView"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views/{viewId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace one of your saved views at `expectedVersion` (409 when it changed since)
         * @description Replaces one of your views; 409 on a stale version.
         */
        put: operations["changeSavedView"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views/{viewId}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete one of your saved views (and its shared copy)
         * @description Deletes one of your views and its shared copy.
         */
        post: operations["deleteSavedView"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller org's webhook endpoints, without secrets (any role)
         * @description The org's webhook endpoints; secrets are never read back.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint (owners only; at most 10 per org); the answer shows its secret once
         * @description Registers an endpoint; 409 beyond 10; secret once.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook endpoint of the caller org, without its secret (any role)
         * @description One webhook endpoint, its state and disable reason.
         */
        get: operations["getWebhook"];
        /**
         * Replace a webhook endpoint at `expectedVersion` (owners only; 409 when it changed since)
         * @description Replaces URL, event types, description; 409 when stale.
         */
        put: operations["changeWebhook"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{webhookId}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete a webhook endpoint (owners only)
         * @description Deletes an endpoint; its place under the limit frees.
         */
        post: operations["deleteWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new secret, shown once (owners only); the previous one still signs for 24 h
         * @description New secret once; the old signs 24 h more.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{webhookId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-enable a paused or disabled webhook endpoint; its failure count starts again (owners only)
         * @description Re-enables an endpoint; its failure run restarts.
         */
        post: operations["enableWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One endpoint's deliveries, newest first, kept 30 days (any role)
         * @description The delivery log, newest first; 30 days.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings/webhooks/{webhookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a `Webhook Test` message now and answer its outcome (owners only; not retried, not counted)
         * @description Sends a Webhook Test message now; answers the outcome.
         */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your e-mail notification preferences (defaults until you save them); any role
         * @description Your e-mail preferences (defaults first).
         */
        get: operations["getNotificationPreferences"];
        /**
         * Replace your preferences; a new address (token `email` claim) gets a confirmation code by mail
         * @description Stores them; a new address is mailed a code.
         */
        put: operations["replaceNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm your address with the mailed code (400 wrong, 410 expired)
         * @description Confirms the address (400 wrong, 410 expired).
         */
        post: operations["confirmNotificationEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unsubscribe link of a mail (no authentication); changes nothing, POST unsubscribes
         * @description Public; changes nothing.
         */
        get: operations["unsubscribePage"];
        put?: never;
        /**
         * One-click unsubscribe from all e-mail (RFC 8058, no authentication)
         * @description Public one-click (RFC 8058): all mail off.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI 3.1 document (no authentication)
         * @description This OpenAPI 3.1 document; no authentication.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        TaskList: {
            items: components["schemas"]["Task"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        Task: {
            id: string;
            /** @enum {string} */
            type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
            title: string;
            description?: string;
            /** @enum {string} */
            accessLevel: "partner" | "creditor";
            orgId: string;
            caseId: string | null;
            caseIds?: string[];
            assigneeId: string | null;
            /** @enum {string} */
            status: "open" | "completed";
            /** @enum {string} */
            resolution?: "done" | "auto" | "ai" | "cancelled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deadline: string;
            /** Format: date-time */
            originalDeadline: string;
            /** Format: date-time */
            completedAt?: string;
            completedBy?: string;
            details?: {
                messageCount?: number;
                latestMessage?: {
                    messageId: string;
                    senderUserId: string;
                    /** Format: date-time */
                    sentAt: string;
                    excerpt: string;
                };
                coveredCount?: number;
                calls?: {
                    /** @enum {string} */
                    result: "answered" | "not_answered" | "left_voicemail" | "skipped";
                    note?: string;
                    /** Format: date-time */
                    loggedAt: string;
                    loggedBy: string;
                    /** Format: date-time */
                    rescheduledTo?: string;
                }[];
                invoiceId?: string;
                complaintId?: string;
                surveyId?: string;
                extensionRequest?: {
                    taskId?: string;
                    caseId: string;
                    partnerOrgId: string;
                    extensionId: string;
                    businessDays?: number;
                    calendarDays?: number;
                    reason: string;
                };
            };
            /** Format: date-time */
            escalatedAt?: string;
            creditorOrgId?: string;
            slaTerms?: {
                /** @enum {string} */
                source: "catalogue" | "creditor" | "agreement";
                version: number;
            };
            /** Format: date-time */
            slaDeadline?: string;
            clockPauses?: {
                /** Format: date-time */
                start: string;
                /** Format: date-time */
                end: string | null;
                /** @enum {string} */
                reason: "case_paused" | "waiting_on_client" | "waiting_on_third_party";
            }[];
            pausedWorkingMs?: number;
            extensions?: {
                id: string;
                businessDays: number;
                reason: string;
                /** Format: date-time */
                requestedAt: string;
                requestedBy: string;
                /** @enum {string} */
                status: "requested" | "approved" | "rejected" | "expired";
                approvalTaskId: string;
                /** Format: date-time */
                decidedAt?: string;
                decidedBy?: string;
                note?: string;
            }[];
            /** @description The case's current details, when the platform sent some */
            caseDetails?: {
                /** @description The creditor's case reference, 1-64 characters */
                reference?: string;
                /** @description The debtor's display name, 1-200 characters */
                debtorName?: string;
                /** @description ISO 4217 code of both amounts */
                currency?: string;
                /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                outstandingAmount?: number;
                /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                overdueAmount?: number;
                /** @description Outstanding invoices */
                invoiceCount?: number;
            };
            version: number;
        };
        Error: {
            error: {
                /**
                 * @description invalid_request: bad input (`fields` names each field); rule_violation: breaks a task rule; invalid_calendar: unknown time zone or country; unauthorized: incomplete claims; forbidden; not_found; conflict: not allowed in the state, or changed meanwhile; payload_too_large; unavailable: try again; internal
                 * @enum {string}
                 */
                code: "invalid_request" | "rule_violation" | "invalid_calendar" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "unavailable" | "internal";
                message: string;
                fields?: components["schemas"]["ErrorField"][];
            };
        };
        ErrorField: {
            /** @description Dotted path of the bad input, e.g. `deadline` or `body` */
            field: string;
            message: string;
        };
        GatewayError: {
            /** @description e.g. `Unauthorized`, `Too Many Requests`, `Service Unavailable` */
            message: string;
        };
        TaskSummary: {
            tabs: {
                "new-cases": number;
                "case-updates": number;
                messages: number;
                all: number;
            };
            /** @description Open tasks whose deadline has passed */
            overdue: number;
            /** @description Open tasks whose deadline falls on today in the org's time zone */
            dueToday: number;
            /**
             * Format: date
             * @description Today in the org's time zone
             */
            day: string;
            timeZone: string;
        };
        HistoryEntry: {
            taskId: string;
            version: number;
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            action: "created" | "updated" | "postponed" | "assigned" | "completed" | "auto_closed" | "ai_resolved" | "cancelled" | "call_logged" | "clock_paused" | "clock_resumed" | "extension_requested" | "extension_approved" | "extension_rejected" | "extension_expired" | "reopened";
            actor: {
                /** @enum {string} */
                kind: "user" | "platform" | "ai";
                id: string;
            };
            changes?: components["schemas"]["TaskChanges"];
            reason?: string;
            eventId?: string;
            modelId?: string;
        };
        /** @description Fields that changed, as {field: [before, after]}; null where absent */
        TaskChanges: {
            id?: [
                string | null,
                string | null
            ];
            type?: [
                "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension" | null,
                "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension" | null
            ];
            title?: [
                string | null,
                string | null
            ];
            description?: [
                string | null,
                string | null
            ];
            accessLevel?: [
                "partner" | "creditor" | null,
                "partner" | "creditor" | null
            ];
            orgId?: [
                string | null,
                string | null
            ];
            caseId?: [
                string | null,
                string | null
            ];
            caseIds?: [
                string[] | null,
                string[] | null
            ];
            scopeKey?: [
                string | null,
                string | null
            ];
            assigneeId?: [
                string | null,
                string | null
            ];
            status?: [
                "open" | "completed" | null,
                "open" | "completed" | null
            ];
            resolution?: [
                "done" | "auto" | "ai" | "cancelled" | null,
                "done" | "auto" | "ai" | "cancelled" | null
            ];
            createdAt?: [
                string | null,
                string | null
            ];
            deadline?: [
                string | null,
                string | null
            ];
            originalDeadline?: [
                string | null,
                string | null
            ];
            completedAt?: [
                string | null,
                string | null
            ];
            completedBy?: [
                string | null,
                string | null
            ];
            details?: [
                {
                    messageCount?: number;
                    latestMessage?: {
                        messageId: string;
                        senderUserId: string;
                        /** Format: date-time */
                        sentAt: string;
                        excerpt: string;
                    };
                    coveredCount?: number;
                    calls?: {
                        /** @enum {string} */
                        result: "answered" | "not_answered" | "left_voicemail" | "skipped";
                        note?: string;
                        /** Format: date-time */
                        loggedAt: string;
                        loggedBy: string;
                        /** Format: date-time */
                        rescheduledTo?: string;
                    }[];
                    invoiceId?: string;
                    complaintId?: string;
                    surveyId?: string;
                    extensionRequest?: {
                        taskId?: string;
                        caseId: string;
                        partnerOrgId: string;
                        extensionId: string;
                        businessDays?: number;
                        calendarDays?: number;
                        reason: string;
                    };
                } | null,
                {
                    messageCount?: number;
                    latestMessage?: {
                        messageId: string;
                        senderUserId: string;
                        /** Format: date-time */
                        sentAt: string;
                        excerpt: string;
                    };
                    coveredCount?: number;
                    calls?: {
                        /** @enum {string} */
                        result: "answered" | "not_answered" | "left_voicemail" | "skipped";
                        note?: string;
                        /** Format: date-time */
                        loggedAt: string;
                        loggedBy: string;
                        /** Format: date-time */
                        rescheduledTo?: string;
                    }[];
                    invoiceId?: string;
                    complaintId?: string;
                    surveyId?: string;
                    extensionRequest?: {
                        taskId?: string;
                        caseId: string;
                        partnerOrgId: string;
                        extensionId: string;
                        businessDays?: number;
                        calendarDays?: number;
                        reason: string;
                    };
                } | null
            ];
            reminder?: [
                {
                    /** @enum {string} */
                    stage: "approaching" | "overdue" | "escalation";
                    /** Format: date-time */
                    nextAt: string;
                    threshold?: string;
                    later?: {
                        /** @enum {string} */
                        stage: "approaching" | "overdue" | "escalation";
                        /** Format: date-time */
                        at: string;
                        threshold?: string;
                    }[];
                } | null,
                {
                    /** @enum {string} */
                    stage: "approaching" | "overdue" | "escalation";
                    /** Format: date-time */
                    nextAt: string;
                    threshold?: string;
                    later?: {
                        /** @enum {string} */
                        stage: "approaching" | "overdue" | "escalation";
                        /** Format: date-time */
                        at: string;
                        threshold?: string;
                    }[];
                } | null
            ];
            escalatedAt?: [
                string | null,
                string | null
            ];
            creditorOrgId?: [
                string | null,
                string | null
            ];
            slaTerms?: [
                {
                    /** @enum {string} */
                    source: "catalogue" | "creditor" | "agreement";
                    version: number;
                } | null,
                {
                    /** @enum {string} */
                    source: "catalogue" | "creditor" | "agreement";
                    version: number;
                } | null
            ];
            slaDeadline?: [
                string | null,
                string | null
            ];
            clockPauses?: [
                {
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string | null;
                    /** @enum {string} */
                    reason: "case_paused" | "waiting_on_client" | "waiting_on_third_party";
                }[] | null,
                {
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string | null;
                    /** @enum {string} */
                    reason: "case_paused" | "waiting_on_client" | "waiting_on_third_party";
                }[] | null
            ];
            pausedWorkingMs?: [
                number | null,
                number | null
            ];
            extensions?: [
                {
                    id: string;
                    businessDays: number;
                    reason: string;
                    /** Format: date-time */
                    requestedAt: string;
                    requestedBy: string;
                    /** @enum {string} */
                    status: "requested" | "approved" | "rejected" | "expired";
                    approvalTaskId: string;
                    /** Format: date-time */
                    decidedAt?: string;
                    decidedBy?: string;
                    note?: string;
                }[] | null,
                {
                    id: string;
                    businessDays: number;
                    reason: string;
                    /** Format: date-time */
                    requestedAt: string;
                    requestedBy: string;
                    /** @enum {string} */
                    status: "requested" | "approved" | "rejected" | "expired";
                    approvalTaskId: string;
                    /** Format: date-time */
                    decidedAt?: string;
                    decidedBy?: string;
                    note?: string;
                }[] | null
            ];
            caseDetails?: [
                {
                    /** @description The creditor's case reference, 1-64 characters */
                    reference?: string;
                    /** @description The debtor's display name, 1-200 characters */
                    debtorName?: string;
                    /** @description ISO 4217 code of both amounts */
                    currency?: string;
                    /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                    outstandingAmount?: number;
                    /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                    overdueAmount?: number;
                    /** @description Outstanding invoices */
                    invoiceCount?: number;
                } | null,
                {
                    /** @description The creditor's case reference, 1-64 characters */
                    reference?: string;
                    /** @description The debtor's display name, 1-200 characters */
                    debtorName?: string;
                    /** @description ISO 4217 code of both amounts */
                    currency?: string;
                    /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                    outstandingAmount?: number;
                    /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                    overdueAmount?: number;
                    /** @description Outstanding invoices */
                    invoiceCount?: number;
                } | null
            ];
            caseDetailsStamp?: [
                string | null,
                string | null
            ];
        };
        BulkResult: {
            /** @description Task id (ULID) */
            id: string;
            /** @enum {string} */
            action: "assign" | "postpone" | "complete";
            /** @enum {string} */
            status: "applied" | "not_found" | "forbidden" | "conflict" | "invalid";
            /** @description The changed task (applied only) */
            task?: {
                id: string;
                /** @enum {string} */
                type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
                title: string;
                description?: string;
                /** @enum {string} */
                accessLevel: "partner" | "creditor";
                orgId: string;
                caseId: string | null;
                caseIds?: string[];
                assigneeId: string | null;
                /** @enum {string} */
                status: "open" | "completed";
                /** @enum {string} */
                resolution?: "done" | "auto" | "ai" | "cancelled";
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                deadline: string;
                /** Format: date-time */
                originalDeadline: string;
                /** Format: date-time */
                completedAt?: string;
                completedBy?: string;
                details?: {
                    messageCount?: number;
                    latestMessage?: {
                        messageId: string;
                        senderUserId: string;
                        /** Format: date-time */
                        sentAt: string;
                        excerpt: string;
                    };
                    coveredCount?: number;
                    calls?: {
                        /** @enum {string} */
                        result: "answered" | "not_answered" | "left_voicemail" | "skipped";
                        note?: string;
                        /** Format: date-time */
                        loggedAt: string;
                        loggedBy: string;
                        /** Format: date-time */
                        rescheduledTo?: string;
                    }[];
                    invoiceId?: string;
                    complaintId?: string;
                    surveyId?: string;
                    extensionRequest?: {
                        taskId?: string;
                        caseId: string;
                        partnerOrgId: string;
                        extensionId: string;
                        businessDays?: number;
                        calendarDays?: number;
                        reason: string;
                    };
                };
                /** Format: date-time */
                escalatedAt?: string;
                creditorOrgId?: string;
                slaTerms?: {
                    /** @enum {string} */
                    source: "catalogue" | "creditor" | "agreement";
                    version: number;
                };
                /** Format: date-time */
                slaDeadline?: string;
                clockPauses?: {
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string | null;
                    /** @enum {string} */
                    reason: "case_paused" | "waiting_on_client" | "waiting_on_third_party";
                }[];
                pausedWorkingMs?: number;
                extensions?: {
                    id: string;
                    businessDays: number;
                    reason: string;
                    /** Format: date-time */
                    requestedAt: string;
                    requestedBy: string;
                    /** @enum {string} */
                    status: "requested" | "approved" | "rejected" | "expired";
                    approvalTaskId: string;
                    /** Format: date-time */
                    decidedAt?: string;
                    decidedBy?: string;
                    note?: string;
                }[];
                /** @description The case's current details, when the platform sent some */
                caseDetails?: {
                    /** @description The creditor's case reference, 1-64 characters */
                    reference?: string;
                    /** @description The debtor's display name, 1-200 characters */
                    debtorName?: string;
                    /** @description ISO 4217 code of both amounts */
                    currency?: string;
                    /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                    outstandingAmount?: number;
                    /** @description In the currency's minor unit (e.g. cents), 0 to 999999999999999 */
                    overdueAmount?: number;
                    /** @description Outstanding invoices */
                    invoiceCount?: number;
                };
                version: number;
            };
            /** @description Why the item was refused: what the single route would have answered */
            error?: {
                code: string;
                message: string;
                field?: string;
            };
        };
        BulkItem: {
            /** @description A user of the organisation, or null to unassign */
            assigneeId: string | null;
            /** @description Task id (ULID) */
            id: string;
            /** @enum {string} */
            action: "assign";
        } | {
            /**
             * Format: date-time
             * @description The new deadline: later than now and than the current deadline
             */
            deadline: string;
            reason?: string;
            /** @description Task id (ULID) */
            id: string;
            /** @enum {string} */
            action: "postpone";
        } | {
            reason?: string;
            /** @description Task id (ULID) */
            id: string;
            /** @enum {string} */
            action: "complete";
        };
        CaseUpdateExtensions: {
            caseId: string;
            currentUpdateAt: string | null;
            updateExtensions: {
                id: string;
                forUpdateAt: string;
                days: number;
                reason: string;
                /** @enum {string} */
                status: "requested" | "approved" | "rejected" | "expired";
                requestedAt: string;
                requestedBy: string;
                approvalTaskId: string;
                decidedAt?: string;
                decidedBy?: string;
                note?: string;
            }[];
        };
        ActionItems: {
            caseId: string;
            overdue: components["schemas"]["ActionItem"][];
            upcoming: components["schemas"]["ActionItem"][];
        };
        ActionItem: {
            taskId: string;
            type: string;
            title: string;
            /** @description The catalogue's action item label, e.g. `Record Payment` */
            label: string;
            /** @description Call to action of the button, e.g. `Go to Chat` */
            cta: string;
            deadline: string;
            assigneeId: string | null;
            /** @description "Mark as done" is offered: the catalogue allows it and the caller may change the task */
            canMarkDone: boolean;
        };
        SlaScoreReport: {
            orgId: string;
            from: string;
            to: string;
            asOf: string;
            score: number | null;
            /** @enum {string|null} */
            reason: "no_tasks_in_period" | "none_due_yet" | null;
            counted: number;
            totalWeight: number;
            notYetDue: number;
            breakdown: {
                /** @enum {string} */
                type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
                label: string;
                weight: number;
                count: number;
                onTime: number;
                late: number;
                openOverdue: number;
                averagePoints: number;
            }[];
            lines?: {
                taskId: string;
                /** @enum {string} */
                type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
                /** @enum {string} */
                status: "open" | "completed";
                originalDeadline: string;
                slaDeadline: string;
                completedAt: string | null;
                latenessDays: number;
                points: number;
                weight: number;
                terms: {
                    /** @enum {string} */
                    source: "catalogue" | "creditor" | "agreement";
                    version: number;
                };
                pausedDays: number;
                extensionDays: number;
                creditorOrgId: string | null;
            }[];
        };
        CaseUpdateDashboard: {
            orgId: string;
            asOf: string;
            activeCases: number;
            complianceRate: number | null;
            casesAtRisk: number;
            overdueUpdates: number;
            cases: {
                caseId: string;
                statusType: string | null;
                statusLabel: string | null;
                lastUpdateAt: string | null;
                promisedDate: string | null;
                expectedDate?: string;
                nextUpdateDue: string | null;
                daysRemaining: number | null;
                /** @enum {string} */
                alert: "green" | "yellow" | "red";
                extensionDays: number;
                clockPaused?: {
                    /** @enum {string} */
                    reason: "waiting_on_client" | "waiting_on_third_party";
                    until: string;
                };
                terms?: {
                    /** @enum {string} */
                    source: "catalogue" | "creditor" | "agreement";
                    version: number;
                };
            }[];
        };
        SlaTermsView: {
            creditorOrgId: string;
            partnerOrgId: string | null;
            latestVersion: number;
            /** @description The version in force now; null: the catalogue applies */
            inForce: {
                creditorOrgId: string;
                partnerOrgId: string | null;
                version: number;
                /** Format: date-time */
                effectiveFrom: string;
                terms: components["schemas"]["SlaTerms"];
                setBy: string;
                /** Format: date-time */
                setAt: string;
            } | null;
            /** @description The newest 20 versions by effectiveFrom */
            versions: components["schemas"]["SlaTermsVersion"][];
        };
        SlaTerms: {
            /** @description Deadline per partner task type; an unset type keeps its catalogue deadline */
            taskDeadlines: {
                /** @description business days, 1–60 */
                review_new_case?: number;
                /** @description business days, 1–60 */
                update_case_status?: number;
                /** @description business days, 1–60 */
                new_message?: number;
                /** @description business days, 1–60 */
                provide_quote?: number;
                /** @description business days, 1–60 */
                respond_to_complaint?: number;
                /** @description business days, 1–60 */
                paused_case_follow_up?: number;
                /** @description business days, 1–60 */
                invoice_commission?: number;
                /** @description business days, 1–60 */
                chase_commission?: number;
            };
            /** @description Days to the next case update per status type; an unset type keeps the rule of docs/sla.md */
            updateIntervals: {
                /** @description calendar days, 1–90 */
                contact_attempted?: number;
                /** @description calendar days, 1–90 */
                contact_established?: number;
                /** @description calendar days, 1–90 */
                payment_promised?: number;
                /** @description calendar days, 1–90 */
                payment_plan_agreed?: number;
                /** @description calendar days, 1–90 */
                dispute_raised?: number;
                /** @description calendar days, 1–90 */
                investigating?: number;
                /** @description calendar days, 1–90 */
                waiting_on_client?: number;
                /** @description calendar days, 1–90 */
                waiting_on_third_party?: number;
                /** @description calendar days, 1–90 */
                monthly_survey?: number;
            };
            /** @description Days to the next update without one yet, for an unknown type or without a promised date; default 14 */
            defaultUpdateIntervalDays?: number;
        };
        SlaTermsVersion: {
            creditorOrgId: string;
            partnerOrgId: string | null;
            version: number;
            /** Format: date-time */
            effectiveFrom: string;
            terms: components["schemas"]["SlaTerms"];
            setBy: string;
            /** Format: date-time */
            setAt: string;
        };
        SlaTermsChange: {
            /** @description Deadline per partner task type; an unset type keeps its catalogue deadline */
            taskDeadlines: {
                /** @description business days, 1–60 */
                review_new_case?: number;
                /** @description business days, 1–60 */
                update_case_status?: number;
                /** @description business days, 1–60 */
                new_message?: number;
                /** @description business days, 1–60 */
                provide_quote?: number;
                /** @description business days, 1–60 */
                respond_to_complaint?: number;
                /** @description business days, 1–60 */
                paused_case_follow_up?: number;
                /** @description business days, 1–60 */
                invoice_commission?: number;
                /** @description business days, 1–60 */
                chase_commission?: number;
            };
            /** @description Days to the next case update per status type; an unset type keeps the rule of docs/sla.md */
            updateIntervals: {
                /** @description calendar days, 1–90 */
                contact_attempted?: number;
                /** @description calendar days, 1–90 */
                contact_established?: number;
                /** @description calendar days, 1–90 */
                payment_promised?: number;
                /** @description calendar days, 1–90 */
                payment_plan_agreed?: number;
                /** @description calendar days, 1–90 */
                dispute_raised?: number;
                /** @description calendar days, 1–90 */
                investigating?: number;
                /** @description calendar days, 1–90 */
                waiting_on_client?: number;
                /** @description calendar days, 1–90 */
                waiting_on_third_party?: number;
                /** @description calendar days, 1–90 */
                monthly_survey?: number;
            };
            /** @description Days to the next update without one yet, for an unknown type or without a promised date; default 14 */
            defaultUpdateIntervalDays?: number;
            /** @description Set: the agreement with this partner, which wins over the creditor terms */
            partnerOrgId?: string;
            /** @description The `latestVersion` read: a 409 when someone set the terms since (omit for no check) */
            expectedVersion?: number;
        };
        CaseSlaTerms: {
            caseId: string;
            creditorOrgId: string;
            partnerOrgId: string | null;
            /** Format: date-time */
            asOf: string;
            /** @description The terms version in force: the agreement with the partner, else the creditor terms, else catalogue 0 */
            terms: {
                /** @enum {string} */
                source: "catalogue" | "creditor" | "agreement";
                version: number;
            };
            /** @description Business days per partner task type */
            taskDeadlines: {
                [key: string]: {
                    days: number;
                    from: {
                        /** @enum {string} */
                        source: "catalogue" | "creditor" | "agreement";
                        version: number;
                    };
                };
            };
            /** @description Calendar days to the next update per status type */
            updateIntervals: {
                [key: string]: {
                    days: number;
                    from: {
                        /** @enum {string} */
                        source: "catalogue" | "creditor" | "agreement";
                        version: number;
                    };
                };
            };
            defaultUpdateInterval: {
                days: number;
                from: {
                    /** @enum {string} */
                    source: "catalogue" | "creditor" | "agreement";
                    version: number;
                };
            };
        };
        SlaScorecardTrend: {
            /** @enum {string} */
            view: "partner";
            orgId: string;
            /** @description A calendar month in UTC, YYYY-MM */
            from: string;
            /** @description A calendar month in UTC, YYYY-MM */
            to: string;
            scorecards: components["schemas"]["SlaScorecard"][];
        } | {
            /** @enum {string} */
            view: "creditor";
            orgId: string;
            /** @description A calendar month in UTC, YYYY-MM */
            from: string;
            /** @description A calendar month in UTC, YYYY-MM */
            to: string;
            scorecards: components["schemas"]["SlaCreditorScorecard"][];
        };
        SlaScorecard: {
            partnerOrgId: string;
            /** @description A calendar month in UTC, YYYY-MM */
            month: string;
            asOf: string;
            score: number | null;
            /** @enum {string|null} */
            reason: "no_tasks_in_period" | "none_due_yet" | null;
            counted: number;
            onTime: number;
            late: number;
            complianceRate: number | null;
            onTimeShare: number | null;
            averageLatenessDays: number | null;
            notYetDue: number;
            breakdown: {
                /** @enum {string} */
                type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
                label: string;
                weight: number;
                count: number;
                onTime: number;
                late: number;
                openOverdue: number;
                averagePoints: number;
            }[];
            byCreditor: {
                score: number | null;
                counted: number;
                onTime: number;
                late: number;
                complianceRate: number | null;
                onTimeShare: number | null;
                averageLatenessDays: number | null;
                creditorOrgId: string;
            }[];
            percentile: number | null;
            rankedPartners: number | null;
        };
        SlaCreditorScorecard: {
            partnerOrgId: string;
            creditorOrgId: string;
            /** @description A calendar month in UTC, YYYY-MM */
            month: string;
            asOf: string;
            score: number | null;
            /** @enum {string|null} */
            reason: "no_tasks_in_period" | "none_due_yet" | null;
            counted: number;
            onTime: number;
            late: number;
            complianceRate: number | null;
            onTimeShare: number | null;
            averageLatenessDays: number | null;
            notYetDue: number;
            breakdown: {
                /** @enum {string} */
                type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
                label: string;
                weight: number;
                count: number;
                onTime: number;
                late: number;
                openOverdue: number;
                averagePoints: number;
            }[];
        };
        SlaWhatIfReport: {
            current: components["schemas"]["SlaScoreReport"];
            whatIf: components["schemas"]["SlaScoreReport"];
            changed: {
                taskId: string;
                before: {
                    taskId: string;
                    /** @enum {string} */
                    type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
                    /** @enum {string} */
                    status: "open" | "completed";
                    originalDeadline: string;
                    slaDeadline: string;
                    completedAt: string | null;
                    latenessDays: number;
                    points: number;
                    weight: number;
                    terms: {
                        /** @enum {string} */
                        source: "catalogue" | "creditor" | "agreement";
                        version: number;
                    };
                    pausedDays: number;
                    extensionDays: number;
                    creditorOrgId: string | null;
                } | null;
                after: {
                    taskId: string;
                    /** @enum {string} */
                    type: "review_new_case" | "update_case_status" | "new_message" | "provide_quote" | "select_quote_winner" | "review_partner" | "invoice_commission" | "chase_commission" | "respond_to_complaint" | "client_input_required" | "paused_case_follow_up" | "sign_contract" | "more_info_needed" | "assign_bank_account" | "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections" | "approve_extension";
                    /** @enum {string} */
                    status: "open" | "completed";
                    originalDeadline: string;
                    slaDeadline: string;
                    completedAt: string | null;
                    latenessDays: number;
                    points: number;
                    weight: number;
                    terms: {
                        /** @enum {string} */
                        source: "catalogue" | "creditor" | "agreement";
                        version: number;
                    };
                    pausedDays: number;
                    extensionDays: number;
                    creditorOrgId: string | null;
                } | null;
            }[];
        };
        CalendarSettingsView: {
            /** @description IANA time zone, e.g. Europe/Copenhagen */
            timeZone: string;
            /** @description Country whose public holidays are closed days (date-holidays); null = none */
            country: string | null;
            /** @description Extra closed days (YYYY-MM-DD, from 2000-01-01 to 10 years from now), e.g. a company holiday */
            closedDays: string[];
            /** @description Changes to any section of the org's settings so far; 0 = never set */
            version: number;
            /**
             * Format: date-time
             * @description Last change to any section
             */
            updatedAt?: string;
            /** @description User who made the last change to any section */
            updatedBy?: string;
            /** @description true = the org never set this section: the effective default is shown */
            isDefault: boolean;
        };
        CalendarSettings: {
            /** @description IANA time zone, e.g. Europe/Copenhagen */
            timeZone: string;
            /** @description Country whose public holidays are closed days (date-holidays); null = none */
            country: string | null;
            /** @description Extra closed days (YYYY-MM-DD, from 2000-01-01 to 10 years from now), e.g. a company holiday */
            closedDays: string[];
        };
        ReminderSettingsView: {
            /** @description Warning points, each sent once per deadline; [] sends none. Replaces the 3-business-day default */
            warnings: components["schemas"]["WarningThreshold"][];
            /** @description null = no escalation */
            escalation: {
                /** @description Escalate a task still open this many business days after its deadline */
                businessDaysOverdue: number;
            } | null;
            /** @description Changes to any section of the org's settings so far; 0 = never set */
            version: number;
            /**
             * Format: date-time
             * @description Last change to any section
             */
            updatedAt?: string;
            /** @description User who made the last change to any section */
            updatedBy?: string;
            /** @description true = the org never set this section: the effective default is shown */
            isDefault: boolean;
        };
        WarningThreshold: {
            /** @description When this share of the working time from creation to deadline has passed */
            percentOfTime: number;
        } | {
            /** @description This many business days before the deadline */
            businessDaysBefore: number;
        };
        ReminderSettings: {
            /** @description Warning points, each sent once per deadline; [] sends none. Replaces the 3-business-day default */
            warnings: components["schemas"]["WarningThreshold"][];
            /** @description null = no escalation */
            escalation: {
                /** @description Escalate a task still open this many business days after its deadline */
                businessDaysOverdue: number;
            } | null;
        };
        AutoAssignmentSettingsView: {
            /** @description Per task type; a type without a rule stays unassigned at creation */
            rules: {
                review_new_case?: components["schemas"]["AssignmentRule"];
                update_case_status?: components["schemas"]["AssignmentRule"];
                new_message?: components["schemas"]["AssignmentRule"];
                provide_quote?: components["schemas"]["AssignmentRule"];
                select_quote_winner?: components["schemas"]["AssignmentRule"];
                review_partner?: components["schemas"]["AssignmentRule"];
                invoice_commission?: components["schemas"]["AssignmentRule"];
                chase_commission?: components["schemas"]["AssignmentRule"];
                respond_to_complaint?: components["schemas"]["AssignmentRule"];
                client_input_required?: components["schemas"]["AssignmentRule"];
                paused_case_follow_up?: components["schemas"]["AssignmentRule"];
                sign_contract?: components["schemas"]["AssignmentRule"];
                more_info_needed?: components["schemas"]["AssignmentRule"];
                assign_bank_account?: components["schemas"]["AssignmentRule"];
                generic?: components["schemas"]["AssignmentRule"];
                call_reminder?: components["schemas"]["AssignmentRule"];
                credit_report?: components["schemas"]["AssignmentRule"];
                book_meeting?: components["schemas"]["AssignmentRule"];
                validate_invoice?: components["schemas"]["AssignmentRule"];
                update_invoice?: components["schemas"]["AssignmentRule"];
                offer_payment_plan?: components["schemas"]["AssignmentRule"];
                escalate_to_collections?: components["schemas"]["AssignmentRule"];
                approve_extension?: components["schemas"]["AssignmentRule"];
            };
            /** @description Changes to any section of the org's settings so far; 0 = never set */
            version: number;
            /**
             * Format: date-time
             * @description Last change to any section
             */
            updatedAt?: string;
            /** @description User who made the last change to any section */
            updatedBy?: string;
            /** @description true = the org never set this section: the effective default is shown */
            isDefault: boolean;
        };
        AssignmentRule: {
            /**
             * @description round_robin: in turn; least_open: the user with the fewest open tasks (list order breaks ties)
             * @enum {string}
             */
            strategy: "round_robin" | "least_open";
            /** @description Users of the organisation who take this type in turn */
            userIds: string[];
        };
        AutoAssignmentSettings: {
            /** @description Per task type; a type without a rule stays unassigned at creation */
            rules: {
                review_new_case?: components["schemas"]["AssignmentRule"];
                update_case_status?: components["schemas"]["AssignmentRule"];
                new_message?: components["schemas"]["AssignmentRule"];
                provide_quote?: components["schemas"]["AssignmentRule"];
                select_quote_winner?: components["schemas"]["AssignmentRule"];
                review_partner?: components["schemas"]["AssignmentRule"];
                invoice_commission?: components["schemas"]["AssignmentRule"];
                chase_commission?: components["schemas"]["AssignmentRule"];
                respond_to_complaint?: components["schemas"]["AssignmentRule"];
                client_input_required?: components["schemas"]["AssignmentRule"];
                paused_case_follow_up?: components["schemas"]["AssignmentRule"];
                sign_contract?: components["schemas"]["AssignmentRule"];
                more_info_needed?: components["schemas"]["AssignmentRule"];
                assign_bank_account?: components["schemas"]["AssignmentRule"];
                generic?: components["schemas"]["AssignmentRule"];
                call_reminder?: components["schemas"]["AssignmentRule"];
                credit_report?: components["schemas"]["AssignmentRule"];
                book_meeting?: components["schemas"]["AssignmentRule"];
                validate_invoice?: components["schemas"]["AssignmentRule"];
                update_invoice?: components["schemas"]["AssignmentRule"];
                offer_payment_plan?: components["schemas"]["AssignmentRule"];
                escalate_to_collections?: components["schemas"]["AssignmentRule"];
                approve_extension?: components["schemas"]["AssignmentRule"];
            };
        };
        ChatCleanupSettingsView: {
            /** @description The org's chat cleanup; deployment = the deployment's mode (shadow for its first nights, then on) */
            mode: ("off" | "shadow" | "on") | "deployment";
            /** @description Changes to any section of the org's settings so far; 0 = never set */
            version: number;
            /**
             * Format: date-time
             * @description Last change to any section
             */
            updatedAt?: string;
            /** @description User who made the last change to any section */
            updatedBy?: string;
            /** @description true = the org never set this section: the effective default is shown */
            isDefault: boolean;
        };
        ChatCleanupSettings: {
            /** @description The org's chat cleanup; deployment = the deployment's mode (shadow for its first nights, then on) */
            mode: ("off" | "shadow" | "on") | "deployment";
        };
        ChatCleanupShadowReport: {
            night: string;
            /** @description Tasks of the org judged in shadow that night */
            judged: number;
            replyNeeded: number;
            unsure: number;
            /** @description Tasks the cleanup would have closed, with the reasons */
            wouldClose: {
                taskId: string;
                /** @description The judge's reason, in English */
                reason: string;
                modelId: string;
                promptVersion?: string;
                /** Format: date-time */
                judgedAt: string;
            }[];
        };
        ChatCleanupExamples: {
            /** @description Oldest first; kept 180 days like the messages */
            examples: {
                id: string;
                /** @description unknown until a reviewer sets it when adding the example to the corpus */
                language: string;
                messages: {
                    /** @enum {string} */
                    direction: "inbound" | "outbound";
                    text: string;
                    ageHours: number;
                }[];
                /** @enum {string} */
                label: "reply_needed";
                /** @enum {boolean} */
                mustKeep: true;
                /** @enum {string} */
                category: "reopened";
                /** @enum {string} */
                source: "reopened";
                taskId: string;
                /** Format: date-time */
                reopenedAt: string;
                reopenedBy: string;
                reason: string;
                modelId?: string;
                /** @description The judge's reason for closing, while its verdict is kept (180 days) */
                aiReason?: string;
            }[];
        };
        SavedViewList: {
            items: components["schemas"]["SavedView"][];
        };
        SavedView: {
            id: string;
            /** @enum {string} */
            party: "partner" | "creditor";
            orgId: string;
            ownerId: string;
            name: string;
            filters: {
                [key: string]: string;
            };
            shared: boolean;
            version: number;
            createdAt: string;
            updatedAt: string;
            /** @description true: yours; false: shared with you read-only */
            editable: boolean;
        };
        SavedViewCreate: {
            /** @description 1-100 characters, unique (case-insensitively) among your views */
            name: string;
            /** @description Query parameters of GET /tasks (without `cursor` and `limit`), as in the query string */
            filters: {
                [key: string]: string;
            };
            /**
             * @description Shown read-only to every user of your org and party (owners only)
             * @default false
             */
            shared: boolean;
        };
        SavedViewChange: {
            /** @description 1-100 characters, unique (case-insensitively) among your views */
            name: string;
            /** @description Query parameters of GET /tasks (without `cursor` and `limit`), as in the query string */
            filters: {
                [key: string]: string;
            };
            /**
             * @description Shown read-only to every user of your org and party (owners only)
             * @default false
             */
            shared: boolean;
            /** @description The `version` read: a 409 when the view changed since */
            expectedVersion: number;
        };
        SavedViewDelete: {
            /** @description The `version` read (optional) */
            expectedVersion?: number;
        };
        WebhookList: {
            items: components["schemas"]["Webhook"][];
        };
        Webhook: {
            id: string;
            /** @enum {string} */
            party: "partner" | "creditor";
            orgId: string;
            url: string;
            eventTypes: string[];
            description: string | null;
            enabled: boolean;
            /** @description Why it is disabled: by an owner, 410 Gone, or a run of failures */
            disabledReason: string | null;
            disabledAt: string | null;
            consecutiveFailures: number;
            /** @description After a rotation: until when deliveries also carry a signature with the previous secret */
            previousSecretExpiresAt: string | null;
            version: number;
            createdAt: string;
            updatedAt: string;
        };
        WebhookWithSecret: {
            id: string;
            /** @enum {string} */
            party: "partner" | "creditor";
            orgId: string;
            url: string;
            eventTypes: string[];
            description: string | null;
            enabled: boolean;
            /** @description Why it is disabled: by an owner, 410 Gone, or a run of failures */
            disabledReason: string | null;
            disabledAt: string | null;
            consecutiveFailures: number;
            /** @description After a rotation: until when deliveries also carry a signature with the previous secret */
            previousSecretExpiresAt: string | null;
            version: number;
            createdAt: string;
            updatedAt: string;
            /** @description `whsec_…`: shown this once; store it to verify signatures */
            secret: string;
        };
        WebhookCreate: {
            /** @description An https URL on port 443 of a public host; at most 2048 characters */
            url: string;
            /** @description The outgoing detail-types delivered to this endpoint (see docs/events.md), each once */
            eventTypes: ("Task Created" | "Task Completed" | "Task Deadline Approaching" | "Task Overdue" | "Paused Case Escalated" | "Task Escalated" | "Daily Digest")[];
            /** @description At most 200 characters */
            description?: string;
            /**
             * @description false: registered but paused
             * @default true
             */
            enabled: boolean;
        };
        WebhookChange: {
            /** @description An https URL on port 443 of a public host; at most 2048 characters */
            url: string;
            /** @description The outgoing detail-types delivered to this endpoint (see docs/events.md), each once */
            eventTypes: ("Task Created" | "Task Completed" | "Task Deadline Approaching" | "Task Overdue" | "Paused Case Escalated" | "Task Escalated" | "Daily Digest")[];
            /** @description At most 200 characters */
            description?: string;
            /** @description Omitted: unchanged. true re-enables a disabled endpoint (failures reset); false pauses it */
            enabled?: boolean;
            /** @description The `version` read: a 409 when the endpoint changed since */
            expectedVersion: number;
        };
        WebhookVersion: {
            /** @description The `version` read (optional) */
            expectedVersion?: number;
        };
        WebhookDeliveryList: {
            /** @description Newest first; kept 30 days */
            items: components["schemas"]["WebhookDelivery"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        WebhookDelivery: {
            deliveryId: string;
            endpointId: string;
            /** @enum {string} */
            party: "partner" | "creditor";
            orgId: string;
            /** @description The outgoing event's `eventId`; null for a test ping */
            outboxId: string | null;
            /** @description The `webhook-id` header sent, the same on every attempt */
            messageId: string;
            type: string;
            occurredAt: string;
            /**
             * @description `pending` (queued), `delivered`, `retrying` (see `nextAttemptAt`), `failed` (given up, or not sent: the error says why), `gone` (410: the endpoint was disabled)
             * @enum {string}
             */
            status: "pending" | "delivered" | "retrying" | "failed" | "gone";
            attempts: number;
            lastStatus: number | null;
            lastError: string | null;
            lastAttemptAt: string | null;
            nextAttemptAt: string | null;
            /** @description Of the last attempt, when a connection was made */
            latencyMs: number | null;
            createdAt: string;
            updatedAt: string;
        };
        WebhookPingResult: {
            delivery: components["schemas"]["WebhookDelivery"];
        };
        WebhookPing: Record<string, never>;
        NotificationPreferences: {
            /** @description Mail when a deadline warning point of one of your tasks is reached */
            approaching: boolean;
            /** @description Mail when one of your tasks becomes overdue */
            overdue: boolean;
            /** @description Mail on escalations (owners and managers the org notifies) */
            escalated: boolean;
            /** @description The daily digest at `digestHour` */
            digest: boolean;
            /** @description Hour (0-23) of the daily digest in the org's time zone */
            digestHour: number;
            /** @description The address mail goes to (from your token’s `email` claim) */
            email: string | null;
            /**
             * @description none: no address; unconfirmed: confirmation mailed; confirmed: mail goes out; suppressed: bounced or complained
             * @enum {string}
             */
            emailStatus: "none" | "unconfirmed" | "confirmed" | "suppressed";
            suppressedReason?: string;
            /** @description The org's time zone `digestHour` is read in (org settings, read-only) */
            timeZone: string;
            /** @description 0: nothing stored yet, the defaults are shown */
            version: number;
        };
        NotificationPreferencesChange: {
            /** @description Mail when a deadline warning point of one of your tasks is reached */
            approaching: boolean;
            /** @description Mail when one of your tasks becomes overdue */
            overdue: boolean;
            /** @description Mail on escalations (owners and managers the org notifies) */
            escalated: boolean;
            /** @description The daily digest at `digestHour` */
            digest: boolean;
            /** @description Hour (0-23) of the daily digest in the org's time zone */
            digestHour: number;
            /** @description The `version` read (0 when none are stored yet): a 409 when they changed since */
            expectedVersion: number;
        };
        NotificationConfirm: {
            /** @description The code from the confirmation e-mail */
            code: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTasks: {
        parameters: {
            query?: {
                status?: "open" | "completed";
                tab?: "new-cases" | "case-updates" | "messages" | "all";
                /** @description Comma-separated task types, at most 23; duplicates count once */
                type?: string;
                /** @description `me`, `unassigned` or a user id */
                assignee?: ("me" | "unassigned") | string;
                caseId?: string;
                /** @description ISO date-time with offset, or a date (a whole day in the caller org's time zone); inclusive; from 2000-01-01 to 10 years from now */
                dueFrom?: string;
                /** @description ISO date-time with offset, or a date (a whole day in the caller org's time zone); inclusive; from 2000-01-01 to 10 years from now */
                dueTo?: string;
                /** @description Open lists: `deadline` (default), `-deadline`, `-created` or `-amount` (outstanding amount, largest first; unknown amounts last); `-created` and `-amount` take no caseId, dueFrom or dueTo */
                sort?: "deadline" | "-deadline" | "-created" | "-amount";
                /** @description Case reference or debtor name starting with this: case, accents and punctuation ignored; at least 2 letters or digits, the first 64 count; open tasks only */
                q?: string;
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "type": "call_reminder",
                     *           "title": "Call the debtor about the payment plan",
                     *           "accessLevel": "partner",
                     *           "orgId": "org-nordic-collect",
                     *           "caseId": "case-48213",
                     *           "assigneeId": "user-anna",
                     *           "status": "open",
                     *           "createdAt": "2026-11-23T08:30:00.000Z",
                     *           "deadline": "2026-11-26T16:00:00.000Z",
                     *           "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: a retry with the same key and body returns the task of the first attempt */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "call_reminder",
                 *       "title": "Call the debtor about the payment plan",
                 *       "caseId": "case-48213",
                 *       "dueInBusinessDays": 3
                 *     }
                 */
                "application/json": {
                    /**
                     * @description generic (either party) or a collection-work type (partners)
                     * @default generic
                     * @enum {string}
                     */
                    type?: "generic" | "call_reminder" | "credit_report" | "book_meeting" | "validate_invoice" | "update_invoice" | "offer_payment_plan" | "escalate_to_collections";
                    title: string;
                    description?: string;
                    caseId?: string;
                    /** @description Default: unassigned (contributors: themselves) */
                    assigneeId?: string | null;
                    /**
                     * Format: date-time
                     * @description ISO 8601 date-time with offset, from 2000-01-01 to 10 years from now
                     */
                    deadline?: string;
                    dueInBusinessDays?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    /** @description `true` when this answer replays an earlier create with the same Idempotency-Key (absent otherwise) */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "open",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-26T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    summarizeTasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tabs": {
                     *         "new-cases": 2,
                     *         "case-updates": 5,
                     *         "messages": 1,
                     *         "all": 8
                     *       },
                     *       "overdue": 1,
                     *       "dueToday": 2,
                     *       "day": "2026-11-24",
                     *       "timeZone": "Europe/Copenhagen"
                     *     }
                     */
                    "application/json": components["schemas"]["TaskSummary"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    exportTasks: {
        parameters: {
            query?: {
                status?: "open" | "completed";
                tab?: "new-cases" | "case-updates" | "messages" | "all";
                /** @description Comma-separated task types, at most 23; duplicates count once */
                type?: string;
                /** @description `me`, `unassigned` or a user id */
                assignee?: ("me" | "unassigned") | string;
                caseId?: string;
                /** @description ISO date-time with offset, or a date (a whole day in the caller org's time zone); inclusive; from 2000-01-01 to 10 years from now */
                dueFrom?: string;
                /** @description ISO date-time with offset, or a date (a whole day in the caller org's time zone); inclusive; from 2000-01-01 to 10 years from now */
                dueTo?: string;
                /** @description Open lists: `deadline` (default), `-deadline`, `-created` or `-amount` (outstanding amount, largest first; unknown amounts last); `-created` and `-amount` take no caseId, dueFrom or dueTo */
                sort?: "deadline" | "-deadline" | "-created" | "-amount";
                /** @description Case reference or debtor name starting with this: case, accents and punctuation ignored; at least 2 letters or digits, the first 64 count; open tasks only */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example id,type,title,status,caseId,assigneeId,createdAt,deadline,originalDeadline,slaDeadline,completedAt,resolution
                     *     01JD8X3K5Q7M2N4P6R8T0V2W4Y,review_new_case,Review New Case,open,case-48213,user-anna,2026-11-20T09:15:00.000Z,2026-11-24T17:00:00.000Z,2026-11-24T17:00:00.000Z,,,
                     */
                    "text/csv": string;
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "open",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-26T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getTaskHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "actor": {
                     *             "kind": "user",
                     *             "id": "user-anna"
                     *           },
                     *           "version": 1,
                     *           "at": "2026-11-23T08:30:00.000Z",
                     *           "action": "created"
                     *         },
                     *         {
                     *           "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "actor": {
                     *             "kind": "user",
                     *             "id": "user-anna"
                     *           },
                     *           "version": 2,
                     *           "at": "2026-11-24T10:00:00.000Z",
                     *           "action": "postponed",
                     *           "reason": "Debtor asked to be called after payday",
                     *           "changes": {
                     *             "deadline": [
                     *               "2026-11-26T16:00:00.000Z",
                     *               "2026-11-30T16:00:00.000Z"
                     *             ]
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["HistoryEntry"][];
                    };
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    postponeTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "deadline": "2026-11-30T16:00:00.000Z",
                 *       "reason": "Debtor asked to be called after payday"
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description The new deadline: later than now and than the current deadline
                     */
                    deadline: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "open",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-30T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    assignTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "assigneeId": "user-anna"
                 *     }
                 */
                "application/json": {
                    /** @description A user of the organisation, or null to unassign */
                    assigneeId: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "open",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-26T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    completeTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "Payment plan agreed"
                 *     }
                 */
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "completed",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-26T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *       "version": 2,
                     *       "resolution": "done",
                     *       "completedAt": "2026-11-25T14:05:00.000Z",
                     *       "completedBy": "user-anna"
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    changeTasksInBulk: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                 *           "action": "complete"
                 *         },
                 *         {
                 *           "id": "01JD8X3K5Q7M2N4P6R8T0V2W5Z",
                 *           "action": "assign",
                 *           "assigneeId": null
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description 1-100 changes, each on a different task */
                    items: components["schemas"]["BulkItem"][];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "results": [
                     *         {
                     *           "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "action": "complete",
                     *           "status": "applied",
                     *           "task": {
                     *             "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *             "type": "call_reminder",
                     *             "title": "Call the debtor about the payment plan",
                     *             "accessLevel": "partner",
                     *             "orgId": "org-nordic-collect",
                     *             "caseId": "case-48213",
                     *             "assigneeId": "user-anna",
                     *             "status": "completed",
                     *             "createdAt": "2026-11-23T08:30:00.000Z",
                     *             "deadline": "2026-11-26T16:00:00.000Z",
                     *             "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *             "version": 2,
                     *             "resolution": "done",
                     *             "completedAt": "2026-11-25T14:05:00.000Z",
                     *             "completedBy": "user-anna"
                     *           }
                     *         },
                     *         {
                     *           "id": "01JD8X3K5Q7M2N4P6R8T0V2W5Z",
                     *           "action": "assign",
                     *           "status": "not_found",
                     *           "error": {
                     *             "code": "not_found",
                     *             "message": "task not found"
                     *           }
                     *         }
                     *       ],
                     *       "counts": {
                     *         "applied": 1,
                     *         "not_found": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** @description One per item, in request order */
                        results: components["schemas"]["BulkResult"][];
                        counts: {
                            applied?: number;
                            not_found?: number;
                            forbidden?: number;
                            conflict?: number;
                            invalid?: number;
                        };
                    };
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    logTaskCall: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "result": "answered",
                 *       "note": "Agreed to pay in 3 instalments"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    result: "answered" | "not_answered" | "left_voicemail" | "skipped";
                    note?: string;
                    /**
                     * Format: date-time
                     * @description Keeps the reminder open with this new deadline
                     */
                    rescheduleTo?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "completed",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-26T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *       "version": 2,
                     *       "resolution": "done",
                     *       "completedAt": "2026-11-25T14:05:00.000Z",
                     *       "completedBy": "user-anna"
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    reopenTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "The debtor asked for the payment plan in the last message"
                 *     }
                 */
                "application/json": {
                    /** @description Why a reply is still needed: kept in history */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "open",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-20T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-20T16:00:00.000Z",
                     *       "version": 3
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    requestTaskExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: a retry with the same key and body returns the task of the first attempt */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "businessDays": 2,
                 *       "reason": "The debtor is abroad until 2 December"
                 *     }
                 */
                "application/json": {
                    /** @description Business days to add to the SLA deadline, 1-20 */
                    businessDays: number;
                    /** @description Why more time is needed: the creditor reads it */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    /** @description `true` when this answer replays an earlier create with the same Idempotency-Key (absent otherwise) */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *       "type": "call_reminder",
                     *       "title": "Call the debtor about the payment plan",
                     *       "accessLevel": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "caseId": "case-48213",
                     *       "assigneeId": "user-anna",
                     *       "status": "open",
                     *       "createdAt": "2026-11-23T08:30:00.000Z",
                     *       "deadline": "2026-11-26T16:00:00.000Z",
                     *       "originalDeadline": "2026-11-26T16:00:00.000Z",
                     *       "version": 2,
                     *       "extensions": [
                     *         {
                     *           "id": "01JD8X3K5Q7M2N4P6R8T0V2W6A",
                     *           "businessDays": 2,
                     *           "reason": "The debtor is abroad until 2 December",
                     *           "requestedAt": "2026-11-24T10:00:00.000Z",
                     *           "requestedBy": "user-anna",
                     *           "status": "requested",
                     *           "approvalTaskId": "01JD8X3K5Q7M2N4P6R8T0V2W6B"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    approveExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "Agreed"
                 *     }
                 */
                "application/json": {
                    /** @description Shown to the partner in the task history */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W6B",
                     *       "type": "approve_extension",
                     *       "title": "Approve 2 more business days: Call the debtor about the payment plan",
                     *       "accessLevel": "creditor",
                     *       "orgId": "org-acme-credit",
                     *       "caseId": "case-48213",
                     *       "assigneeId": null,
                     *       "status": "completed",
                     *       "createdAt": "2026-11-24T10:00:00.000Z",
                     *       "deadline": "2026-11-27T10:00:00.000Z",
                     *       "originalDeadline": "2026-11-27T10:00:00.000Z",
                     *       "version": 2,
                     *       "resolution": "done",
                     *       "completedAt": "2026-11-25T08:00:00.000Z",
                     *       "completedBy": "user-clara"
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    rejectExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Task id (ULID) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "note": "The debtor can be reached by e-mail"
                 *     }
                 */
                "application/json": {
                    /** @description Shown to the partner in the task history */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01JD8X3K5Q7M2N4P6R8T0V2W6B",
                     *       "type": "approve_extension",
                     *       "title": "Approve 2 more business days: Call the debtor about the payment plan",
                     *       "accessLevel": "creditor",
                     *       "orgId": "org-acme-credit",
                     *       "caseId": "case-48213",
                     *       "assigneeId": null,
                     *       "status": "completed",
                     *       "createdAt": "2026-11-24T10:00:00.000Z",
                     *       "deadline": "2026-11-27T10:00:00.000Z",
                     *       "originalDeadline": "2026-11-27T10:00:00.000Z",
                     *       "version": 2,
                     *       "resolution": "done",
                     *       "completedAt": "2026-11-25T08:00:00.000Z",
                     *       "completedBy": "user-clara"
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such task for the caller: other parties’ and organisations’ tasks included */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    requestCaseUpdateExtension: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: a retry with the same key and body returns the task of the first attempt */
                "idempotency-key"?: string;
            };
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "days": 5,
                 *       "reason": "The debtor’s lawyer answers after the court hearing on 30 November"
                 *     }
                 */
                "application/json": {
                    /** @description Calendar days to add to the next update due, 1-30 (that SLA counts calendar days) */
                    days: number;
                    /** @description Why more time is needed: the creditor reads it */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    /** @description `true` when this answer replays an earlier create with the same Idempotency-Key (absent otherwise) */
                    "idempotent-replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "caseId": "case-48213",
                     *       "currentUpdateAt": "2026-11-16T09:00:00.000Z",
                     *       "updateExtensions": [
                     *         {
                     *           "id": "01JD8X3K5Q7M2N4P6R8T0V2W6C",
                     *           "forUpdateAt": "2026-11-16T09:00:00.000Z",
                     *           "days": 5,
                     *           "reason": "The debtor’s lawyer answers after the court hearing on 30 November",
                     *           "status": "requested",
                     *           "requestedAt": "2026-11-24T10:00:00.000Z",
                     *           "requestedBy": "user-anna",
                     *           "approvalTaskId": "01JD8X3K5Q7M2N4P6R8T0V2W6D"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CaseUpdateExtensions"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    listCaseActionItems: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "caseId": "case-48213",
                     *       "overdue": [],
                     *       "upcoming": [
                     *         {
                     *           "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "type": "call_reminder",
                     *           "title": "Call the debtor about the payment plan",
                     *           "label": "Call debtor",
                     *           "cta": "Log call",
                     *           "deadline": "2026-11-26T16:00:00.000Z",
                     *           "assigneeId": "user-anna",
                     *           "canMarkDone": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ActionItems"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getSlaScore: {
        parameters: {
            query?: {
                /** @description Period start on originalDeadline, inclusive; default: 30 days before `to` */
                from?: string;
                /** @description Period end, exclusive; default: now. At most 366 days after `from` */
                to?: string;
                /** @description `true` adds the per-task lines behind the score */
                lines?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orgId": "org-nordic-collect",
                     *       "from": "2026-11-01",
                     *       "to": "2026-11-30",
                     *       "asOf": "2026-11-24T12:00:00.000Z",
                     *       "score": 92.5,
                     *       "reason": null,
                     *       "counted": 4,
                     *       "totalWeight": 4,
                     *       "notYetDue": 1,
                     *       "breakdown": [
                     *         {
                     *           "type": "update_case_status",
                     *           "label": "Update case status",
                     *           "weight": 1,
                     *           "count": 4,
                     *           "onTime": 3,
                     *           "late": 1,
                     *           "openOverdue": 0,
                     *           "averagePoints": 92.5
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SlaScoreReport"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getSlaCaseDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "orgId": "org-nordic-collect",
                     *       "asOf": "2026-11-24T12:00:00.000Z",
                     *       "activeCases": 1,
                     *       "complianceRate": 1,
                     *       "casesAtRisk": 0,
                     *       "overdueUpdates": 0,
                     *       "cases": [
                     *         {
                     *           "caseId": "case-48213",
                     *           "statusType": "payment_plan",
                     *           "statusLabel": "Payment plan",
                     *           "promisedDate": null,
                     *           "lastUpdateAt": "2026-11-20T09:00:00.000Z",
                     *           "nextUpdateDue": "2026-12-04",
                     *           "daysRemaining": 8,
                     *           "alert": "green",
                     *           "extensionDays": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["CaseUpdateDashboard"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getSlaTerms: {
        parameters: {
            query?: {
                /** @description The agreement with this partner; omitted: the terms for all partners */
                partnerOrgId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "creditorOrgId": "org-acme-energy",
                     *       "partnerOrgId": null,
                     *       "latestVersion": 2,
                     *       "inForce": {
                     *         "creditorOrgId": "org-acme-energy",
                     *         "partnerOrgId": null,
                     *         "version": 2,
                     *         "effectiveFrom": "2026-11-20T09:15:00.000Z",
                     *         "terms": {
                     *           "taskDeadlines": {
                     *             "review_new_case": 4
                     *           },
                     *           "updateIntervals": {
                     *             "contact_attempted": 10
                     *           }
                     *         },
                     *         "setBy": "user-anna",
                     *         "setAt": "2026-11-20T09:15:00.000Z"
                     *       },
                     *       "versions": [
                     *         {
                     *           "creditorOrgId": "org-acme-energy",
                     *           "partnerOrgId": null,
                     *           "version": 2,
                     *           "effectiveFrom": "2026-11-20T09:15:00.000Z",
                     *           "terms": {
                     *             "taskDeadlines": {
                     *               "review_new_case": 4
                     *             },
                     *             "updateIntervals": {
                     *               "contact_attempted": 10
                     *             }
                     *           },
                     *           "setBy": "user-anna",
                     *           "setAt": "2026-11-20T09:15:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SlaTermsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    setSlaTerms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "taskDeadlines": {
                 *         "review_new_case": 4
                 *       },
                 *       "updateIntervals": {
                 *         "contact_attempted": 10
                 *       },
                 *       "expectedVersion": 1
                 *     }
                 */
                "application/json": components["schemas"]["SlaTermsChange"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "creditorOrgId": "org-acme-energy",
                     *       "partnerOrgId": null,
                     *       "latestVersion": 2,
                     *       "inForce": {
                     *         "creditorOrgId": "org-acme-energy",
                     *         "partnerOrgId": null,
                     *         "version": 2,
                     *         "effectiveFrom": "2026-11-20T09:15:00.000Z",
                     *         "terms": {
                     *           "taskDeadlines": {
                     *             "review_new_case": 4
                     *           },
                     *           "updateIntervals": {
                     *             "contact_attempted": 10
                     *           }
                     *         },
                     *         "setBy": "user-anna",
                     *         "setAt": "2026-11-20T09:15:00.000Z"
                     *       },
                     *       "versions": [
                     *         {
                     *           "creditorOrgId": "org-acme-energy",
                     *           "partnerOrgId": null,
                     *           "version": 2,
                     *           "effectiveFrom": "2026-11-20T09:15:00.000Z",
                     *           "terms": {
                     *             "taskDeadlines": {
                     *               "review_new_case": 4
                     *             },
                     *             "updateIntervals": {
                     *               "contact_attempted": 10
                     *             }
                     *           },
                     *           "setBy": "user-anna",
                     *           "setAt": "2026-11-20T09:15:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SlaTermsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getCaseSlaTerms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "caseId": "case-48213",
                     *       "creditorOrgId": "org-acme-energy",
                     *       "partnerOrgId": "org-nordic-collect",
                     *       "asOf": "2026-11-24T12:00:00.000Z",
                     *       "terms": {
                     *         "source": "creditor",
                     *         "version": 2
                     *       },
                     *       "taskDeadlines": {
                     *         "review_new_case": {
                     *           "days": 4,
                     *           "from": {
                     *             "source": "creditor",
                     *             "version": 2
                     *           }
                     *         },
                     *         "provide_quote": {
                     *           "days": 3,
                     *           "from": {
                     *             "source": "catalogue",
                     *             "version": 0
                     *           }
                     *         }
                     *       },
                     *       "updateIntervals": {
                     *         "contact_attempted": {
                     *           "days": 10,
                     *           "from": {
                     *             "source": "creditor",
                     *             "version": 2
                     *           }
                     *         },
                     *         "investigating": {
                     *           "days": 14,
                     *           "from": {
                     *             "source": "catalogue",
                     *             "version": 0
                     *           }
                     *         }
                     *       },
                     *       "defaultUpdateInterval": {
                     *         "days": 14,
                     *         "from": {
                     *           "source": "catalogue",
                     *           "version": 0
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CaseSlaTerms"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    listSlaScorecards: {
        parameters: {
            query?: {
                /** @description First month (UTC), YYYY-MM; default: 11 months before `to` */
                from?: string;
                /** @description Last month, inclusive; default: the last complete month. At most 24 months */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "view": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "from": "2026-11",
                     *       "to": "2026-11",
                     *       "scorecards": [
                     *         {
                     *           "partnerOrgId": "org-nordic-collect",
                     *           "month": "2026-11",
                     *           "asOf": "2026-12-01T05:00:00.000Z",
                     *           "reason": null,
                     *           "score": 80,
                     *           "counted": 2,
                     *           "onTime": 1,
                     *           "late": 1,
                     *           "complianceRate": 50,
                     *           "onTimeShare": 60,
                     *           "averageLatenessDays": 3.5,
                     *           "notYetDue": 0,
                     *           "breakdown": [
                     *             {
                     *               "type": "review_new_case",
                     *               "label": "Review New Case",
                     *               "weight": 3,
                     *               "count": 1,
                     *               "onTime": 1,
                     *               "late": 0,
                     *               "openOverdue": 0,
                     *               "averagePoints": 1
                     *             },
                     *             {
                     *               "type": "new_message",
                     *               "label": "New Message",
                     *               "weight": 2,
                     *               "count": 1,
                     *               "onTime": 0,
                     *               "late": 1,
                     *               "openOverdue": 0,
                     *               "averagePoints": 0.5
                     *             }
                     *           ],
                     *           "percentile": 33.33,
                     *           "rankedPartners": 3,
                     *           "byCreditor": [
                     *             {
                     *               "creditorOrgId": "org-bank-north",
                     *               "score": 80,
                     *               "counted": 2,
                     *               "onTime": 1,
                     *               "late": 1,
                     *               "complianceRate": 50,
                     *               "onTimeShare": 60,
                     *               "averageLatenessDays": 3.5
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SlaScorecardTrend"];
                    /**
                     * @example month,score,complianceRate,onTimeShare,averageLatenessDays,counted,onTime,late,notYetDue,percentile,rankedPartners
                     *     2026-11,80,50,60,3.5,2,1,1,0,33.33,3
                     */
                    "text/csv": string;
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getSlaWhatIf: {
        parameters: {
            query?: {
                /** @description Period start on originalDeadline, inclusive; default: 30 days before `to` */
                from?: string;
                /** @description Period end, exclusive; default: now. At most 366 days after `from` */
                to?: string;
                /** @description Comma-separated ids of open tasks of yours counted in the period, at most 50 */
                complete?: string;
                /** @description When they would be completed; default: now */
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "current": {
                     *         "orgId": "org-nordic-collect",
                     *         "from": "2026-11-01T00:00:00.000Z",
                     *         "to": "2026-12-01T00:00:00.000Z",
                     *         "asOf": "2026-11-20T00:00:00.000Z",
                     *         "reason": null,
                     *         "counted": 1,
                     *         "totalWeight": 2,
                     *         "notYetDue": 0,
                     *         "score": 57.14,
                     *         "breakdown": [
                     *           {
                     *             "type": "new_message",
                     *             "label": "New Message",
                     *             "weight": 2,
                     *             "count": 1,
                     *             "onTime": 0,
                     *             "late": 1,
                     *             "openOverdue": 1,
                     *             "averagePoints": 0.5714
                     *           }
                     *         ]
                     *       },
                     *       "whatIf": {
                     *         "orgId": "org-nordic-collect",
                     *         "from": "2026-11-01T00:00:00.000Z",
                     *         "to": "2026-12-01T00:00:00.000Z",
                     *         "asOf": "2026-11-20T00:00:00.000Z",
                     *         "reason": null,
                     *         "counted": 1,
                     *         "totalWeight": 2,
                     *         "notYetDue": 0,
                     *         "score": 78.57,
                     *         "breakdown": [
                     *           {
                     *             "type": "new_message",
                     *             "label": "New Message",
                     *             "weight": 2,
                     *             "count": 1,
                     *             "onTime": 0,
                     *             "late": 1,
                     *             "openOverdue": 0,
                     *             "averagePoints": 0.7857
                     *           }
                     *         ]
                     *       },
                     *       "changed": [
                     *         {
                     *           "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "before": {
                     *             "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *             "type": "new_message",
                     *             "originalDeadline": "2026-11-17T00:00:00.000Z",
                     *             "slaDeadline": "2026-11-17T00:00:00.000Z",
                     *             "weight": 2,
                     *             "pausedDays": 0,
                     *             "extensionDays": 0,
                     *             "terms": {
                     *               "source": "catalogue",
                     *               "version": 0
                     *             },
                     *             "creditorOrgId": "org-bank-north",
                     *             "status": "open",
                     *             "completedAt": null,
                     *             "latenessDays": 3,
                     *             "points": 0.5714
                     *           },
                     *           "after": {
                     *             "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *             "type": "new_message",
                     *             "originalDeadline": "2026-11-17T00:00:00.000Z",
                     *             "slaDeadline": "2026-11-17T00:00:00.000Z",
                     *             "weight": 2,
                     *             "pausedDays": 0,
                     *             "extensionDays": 0,
                     *             "terms": {
                     *               "source": "catalogue",
                     *               "version": 0
                     *             },
                     *             "creditorOrgId": "org-bank-north",
                     *             "status": "completed",
                     *             "completedAt": "2026-11-18T12:00:00.000Z",
                     *             "latenessDays": 1.5,
                     *             "points": 0.7857
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SlaWhatIfReport"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getCalendarSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Copenhagen",
                     *       "country": "DK",
                     *       "closedDays": [
                     *         "2026-12-24",
                     *         "2026-12-31"
                     *       ],
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["CalendarSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    replaceCalendarSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "timeZone": "Europe/Copenhagen",
                 *       "country": "DK",
                 *       "closedDays": [
                 *         "2026-12-24",
                 *         "2026-12-31"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CalendarSettings"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "Europe/Copenhagen",
                     *       "country": "DK",
                     *       "closedDays": [
                     *         "2026-12-24",
                     *         "2026-12-31"
                     *       ],
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["CalendarSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getReminderSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "warnings": [
                     *         {
                     *           "percentOfTime": 50
                     *         }
                     *       ],
                     *       "escalation": {
                     *         "businessDaysOverdue": 3
                     *       },
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["ReminderSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    replaceReminderSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "warnings": [
                 *         {
                 *           "percentOfTime": 50
                 *         }
                 *       ],
                 *       "escalation": {
                 *         "businessDaysOverdue": 3
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ReminderSettings"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "warnings": [
                     *         {
                     *           "percentOfTime": 50
                     *         }
                     *       ],
                     *       "escalation": {
                     *         "businessDaysOverdue": 3
                     *       },
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["ReminderSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getAutoAssignmentSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rules": {
                     *         "call_reminder": {
                     *           "strategy": "round_robin",
                     *           "userIds": [
                     *             "user-anna",
                     *             "user-bo"
                     *           ]
                     *         }
                     *       },
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["AutoAssignmentSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    replaceAutoAssignmentSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "rules": {
                 *         "call_reminder": {
                 *           "strategy": "round_robin",
                 *           "userIds": [
                 *             "user-anna",
                 *             "user-bo"
                 *           ]
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AutoAssignmentSettings"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "rules": {
                     *         "call_reminder": {
                     *           "strategy": "round_robin",
                     *           "userIds": [
                     *             "user-anna",
                     *             "user-bo"
                     *           ]
                     *         }
                     *       },
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["AutoAssignmentSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getChatCleanupSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "mode": "shadow",
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["ChatCleanupSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    replaceChatCleanupSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "shadow"
                 *     }
                 */
                "application/json": components["schemas"]["ChatCleanupSettings"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "mode": "shadow",
                     *       "version": 3,
                     *       "updatedAt": "2026-11-20T09:15:00.000Z",
                     *       "updatedBy": "user-anna",
                     *       "isDefault": false
                     *     }
                     */
                    "application/json": components["schemas"]["ChatCleanupSettingsView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getChatCleanupShadowReport: {
        parameters: {
            query?: {
                /** @description The night (YYYY-MM-DD, UTC) of the run; default: the latest */
                night?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "night": "2026-11-24",
                     *       "judged": 12,
                     *       "replyNeeded": 8,
                     *       "unsure": 2,
                     *       "wouldClose": [
                     *         {
                     *           "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "reason": "The creditor thanked the partner; nothing is asked.",
                     *           "modelId": "eu.anthropic.claude-haiku-4-5-20251001-v1:0",
                     *           "promptVersion": "2",
                     *           "judgedAt": "2026-11-24T02:10:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ChatCleanupShadowReport"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    listChatCleanupExamples: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "examples": [
                     *         {
                     *           "id": "reopened-01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "language": "unknown",
                     *           "messages": [
                     *             {
                     *               "direction": "inbound",
                     *               "text": "Kan vi aftale en afdragsordning?",
                     *               "ageHours": 30.5
                     *             }
                     *           ],
                     *           "label": "reply_needed",
                     *           "mustKeep": true,
                     *           "category": "reopened",
                     *           "source": "reopened",
                     *           "taskId": "01JD8X3K5Q7M2N4P6R8T0V2W4Y",
                     *           "reopenedAt": "2026-11-25T08:30:00.000Z",
                     *           "reopenedBy": "user-anna",
                     *           "reason": "The debtor asked for the payment plan in the last message",
                     *           "modelId": "eu.anthropic.claude-haiku-4-5-20251001-v1:0"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ChatCleanupExamples"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    listSavedViews: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01jq3v7k8m9n0p1q2r3s4t5v6w",
                     *           "party": "partner",
                     *           "orgId": "org-nordic-collect",
                     *           "ownerId": "user-anna",
                     *           "name": "My overdue",
                     *           "filters": {
                     *             "status": "open",
                     *             "tab": "case-updates",
                     *             "assignee": "me"
                     *           },
                     *           "shared": false,
                     *           "version": 1,
                     *           "createdAt": "2026-11-24T12:00:00.000Z",
                     *           "updatedAt": "2026-11-24T12:00:00.000Z",
                     *           "editable": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SavedViewList"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    createSavedView: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "My overdue",
                 *       "filters": {
                 *         "status": "open",
                 *         "tab": "case-updates",
                 *         "assignee": "me"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SavedViewCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6w",
                     *       "party": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "ownerId": "user-anna",
                     *       "name": "My overdue",
                     *       "filters": {
                     *         "status": "open",
                     *         "tab": "case-updates",
                     *         "assignee": "me"
                     *       },
                     *       "shared": false,
                     *       "version": 1,
                     *       "createdAt": "2026-11-24T12:00:00.000Z",
                     *       "updatedAt": "2026-11-24T12:00:00.000Z",
                     *       "editable": true
                     *     }
                     */
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    changeSavedView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                viewId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "My overdue",
                 *       "filters": {
                 *         "status": "open",
                 *         "tab": "case-updates",
                 *         "assignee": "me"
                 *       },
                 *       "shared": false,
                 *       "expectedVersion": 1
                 *     }
                 */
                "application/json": components["schemas"]["SavedViewChange"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6w",
                     *       "party": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "ownerId": "user-anna",
                     *       "name": "My overdue",
                     *       "filters": {
                     *         "status": "open",
                     *         "tab": "case-updates",
                     *         "assignee": "me"
                     *       },
                     *       "shared": false,
                     *       "version": 2,
                     *       "createdAt": "2026-11-24T12:00:00.000Z",
                     *       "updatedAt": "2026-11-24T12:00:00.000Z",
                     *       "editable": true
                     *     }
                     */
                    "application/json": components["schemas"]["SavedView"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    deleteSavedView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                viewId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "expectedVersion": 1
                 *     }
                 */
                "application/json": components["schemas"]["SavedViewDelete"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6w",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {boolean} */
                        deleted: true;
                    };
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *           "party": "partner",
                     *           "orgId": "org-nordic-collect",
                     *           "url": "https://cms.nordic-collect.example/hooks/casetasks",
                     *           "eventTypes": [
                     *             "Task Created",
                     *             "Task Completed",
                     *             "Task Overdue"
                     *           ],
                     *           "description": "Case management system",
                     *           "enabled": true,
                     *           "disabledReason": null,
                     *           "disabledAt": null,
                     *           "consecutiveFailures": 0,
                     *           "previousSecretExpiresAt": null,
                     *           "version": 1,
                     *           "createdAt": "2026-11-24T12:00:00.000Z",
                     *           "updatedAt": "2026-11-24T12:00:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://cms.nordic-collect.example/hooks/casetasks",
                 *       "eventTypes": [
                 *         "Task Created",
                 *         "Task Completed",
                 *         "Task Overdue"
                 *       ],
                 *       "description": "Case management system"
                 *     }
                 */
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *       "party": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "url": "https://cms.nordic-collect.example/hooks/casetasks",
                     *       "eventTypes": [
                     *         "Task Created",
                     *         "Task Completed",
                     *         "Task Overdue"
                     *       ],
                     *       "description": "Case management system",
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "previousSecretExpiresAt": null,
                     *       "version": 1,
                     *       "createdAt": "2026-11-24T12:00:00.000Z",
                     *       "updatedAt": "2026-11-24T12:00:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Pk1ghfbgbE="
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *       "party": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "url": "https://cms.nordic-collect.example/hooks/casetasks",
                     *       "eventTypes": [
                     *         "Task Created",
                     *         "Task Completed",
                     *         "Task Overdue"
                     *       ],
                     *       "description": "Case management system",
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "previousSecretExpiresAt": null,
                     *       "version": 1,
                     *       "createdAt": "2026-11-24T12:00:00.000Z",
                     *       "updatedAt": "2026-11-24T12:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    changeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://cms.nordic-collect.example/hooks/casetasks",
                 *       "eventTypes": [
                 *         "Task Created",
                 *         "Task Completed",
                 *         "Task Overdue"
                 *       ],
                 *       "description": "Case management system",
                 *       "expectedVersion": 1
                 *     }
                 */
                "application/json": components["schemas"]["WebhookChange"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *       "party": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "url": "https://cms.nordic-collect.example/hooks/casetasks",
                     *       "eventTypes": [
                     *         "Task Created",
                     *         "Task Completed",
                     *         "Task Overdue"
                     *       ],
                     *       "description": "Case management system",
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "previousSecretExpiresAt": null,
                     *       "version": 2,
                     *       "createdAt": "2026-11-24T12:00:00.000Z",
                     *       "updatedAt": "2026-11-24T12:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "expectedVersion": 1
                 *     }
                 */
                "application/json": components["schemas"]["WebhookVersion"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {boolean} */
                        deleted: true;
                    };
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["WebhookVersion"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *       "party": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "url": "https://cms.nordic-collect.example/hooks/casetasks",
                     *       "eventTypes": [
                     *         "Task Created",
                     *         "Task Completed",
                     *         "Task Overdue"
                     *       ],
                     *       "description": "Case management system",
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "previousSecretExpiresAt": "2026-11-25T12:00:00.000Z",
                     *       "version": 2,
                     *       "createdAt": "2026-11-24T12:00:00.000Z",
                     *       "updatedAt": "2026-11-24T12:00:00.000Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw7Pk1ghfbgbE="
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    enableWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["WebhookVersion"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *       "party": "partner",
                     *       "orgId": "org-nordic-collect",
                     *       "url": "https://cms.nordic-collect.example/hooks/casetasks",
                     *       "eventTypes": [
                     *         "Task Created",
                     *         "Task Completed",
                     *         "Task Overdue"
                     *       ],
                     *       "description": "Case management system",
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "previousSecretExpiresAt": null,
                     *       "version": 3,
                     *       "createdAt": "2026-11-24T12:00:00.000Z",
                     *       "updatedAt": "2026-11-24T12:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size, 1-100 */
                limit?: number;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "deliveryId": "01JQ3V9A0B1C2D3E4F5G6H7J8K",
                     *           "endpointId": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *           "party": "partner",
                     *           "orgId": "org-nordic-collect",
                     *           "outboxId": "01JQ3V9A0B1C2D3E4F5G6H7J8K",
                     *           "messageId": "msg_01JQ3V9A0B1C2D3E4F5G6H7J8K_01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *           "type": "Task Created",
                     *           "occurredAt": "2026-11-24T12:00:00.000Z",
                     *           "status": "delivered",
                     *           "attempts": 2,
                     *           "lastStatus": 200,
                     *           "lastError": null,
                     *           "lastAttemptAt": "2026-11-24T12:00:45.000Z",
                     *           "nextAttemptAt": null,
                     *           "latencyMs": 182,
                     *           "createdAt": "2026-11-24T12:00:00.000Z",
                     *           "updatedAt": "2026-11-24T12:00:45.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["WebhookPing"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "delivery": {
                     *         "deliveryId": "test_01jq3vb0c1d2e3f4g5h6j7k8m9",
                     *         "endpointId": "01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *         "party": "partner",
                     *         "orgId": "org-nordic-collect",
                     *         "outboxId": null,
                     *         "messageId": "msg_test_01jq3vb0c1d2e3f4g5h6j7k8m9_01jq3v7k8m9n0p1q2r3s4t5v6x",
                     *         "type": "Webhook Test",
                     *         "occurredAt": "2026-11-24T12:00:00.000Z",
                     *         "status": "delivered",
                     *         "attempts": 1,
                     *         "lastStatus": 200,
                     *         "lastError": null,
                     *         "lastAttemptAt": "2026-11-24T12:00:00.000Z",
                     *         "nextAttemptAt": null,
                     *         "latencyMs": 182,
                     *         "createdAt": "2026-11-24T12:00:00.000Z",
                     *         "updatedAt": "2026-11-24T12:00:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookPingResult"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approaching": true,
                     *       "overdue": true,
                     *       "escalated": true,
                     *       "digest": true,
                     *       "digestHour": 7,
                     *       "email": "anna@partner.example",
                     *       "emailStatus": "unconfirmed",
                     *       "timeZone": "Europe/Copenhagen",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    replaceNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "approaching": true,
                 *       "overdue": true,
                 *       "escalated": true,
                 *       "digest": true,
                 *       "digestHour": 7,
                 *       "expectedVersion": 0
                 *     }
                 */
                "application/json": components["schemas"]["NotificationPreferencesChange"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approaching": true,
                     *       "overdue": true,
                     *       "escalated": true,
                     *       "digest": true,
                     *       "digestHour": 7,
                     *       "email": "anna@partner.example",
                     *       "emailStatus": "unconfirmed",
                     *       "timeZone": "Europe/Copenhagen",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    confirmNotificationEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "k3J9xQ2mP7vR4tW8yZ1aB5cD"
                 *     }
                 */
                "application/json": components["schemas"]["NotificationConfirm"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "approaching": true,
                     *       "overdue": true,
                     *       "escalated": true,
                     *       "digest": true,
                     *       "digestHour": 7,
                     *       "email": "anna@partner.example",
                     *       "emailStatus": "confirmed",
                     *       "timeZone": "Europe/Copenhagen",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JWT authorizer refused a missing, invalid or expired bearer token (`{"message":"Unauthorized"}`), or its claims are incomplete (`unauthorized`) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The caller may see but not change this (contributor on another user’s task, not a partner, or not an owner) */
            403: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed in the task’s state, or changed meanwhile */
            409: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The JSON body is larger than 524288 bytes (`payload_too_large`, `fields` names `body`); over the gateway's own limit it answers `{ message }` */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    unsubscribePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unsubscribe": "POST to this address to stop all casetasks e-mail"
                     *     }
                     */
                    "application/json": {
                        unsubscribe: string;
                    };
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such link (unknown token) */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unsubscribed": true
                     *     }
                     */
                    "application/json": {
                        /** @enum {boolean} */
                        unsubscribed: true;
                    };
                };
            };
            /** @description Bad input: `error.fields` names each bad field; nothing was written */
            400: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such link (unknown token) */
            404: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Internal error (details are logged, never returned); `{ message }` if the function crashed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description `unavailable`: the service could not finish in time or cannot reach its table; `{ message }` if the gateway could not reach the function; try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    /** @description The request's correlation id: the caller's well-formed one, else the gateway's */
                    "x-correlation-id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0",
                     *       "info": {
                     *         "title": "casetasks portal API",
                     *         "version": "1.0.0"
                     *       }
                     *     }
                     */
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Throttled by the API stage (rate or burst limit): `{"message":"Too Many Requests"}`; retry later */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The function did not answer in time (`{ message }` from the gateway); retry */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
}
