import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { ChangedDay } from '../domain/calendar/calendar-change.ts'
import type { HolidayRule } from '../domain/calendar/holiday-rule.ts'
import type { YearDecision } from '../domain/calendar/year-decision.ts'
import type { OfficeHoursSpan } from '../domain/catalog/agency.ts'
import type { FieldChange } from '../domain/catalog/catalogue-diff.ts'
import type { SyncedProcedure } from '../domain/catalog/national-procedure.ts'
import type { Fee, RequiredDocument } from '../domain/catalog/procedure.ts'
import type { Publication, ReducedBy } from '../domain/catalog/publication.ts'
import type { SourceRef } from '../domain/catalog/source.ts'
import type { TimeLimit } from '../domain/catalog/time-limit.ts'
import type { FormDefinition } from '../domain/declarations/form-definition.ts'
import type { DocumentEvent, OfficialDocument } from '../domain/documents/official-document.ts'
import type { DossierEvent } from '../domain/dossier/events.ts'
import type { Dossier } from '../domain/dossier/state.ts'
import type { AssessmentEvent, ParRound, RoundEvent, UnitAssessment } from '../domain/par-index/round.ts'
import type { Petition, PetitionEvent } from '../domain/petitions/petition.ts'
import type { ReconciliationLists } from '../domain/portal/reconciliation.ts'
import type { ProgrammeTables } from './programme/programme-tables.ts'

/** Calendar dates travel as 'YYYY-MM-DD' strings both ways (see the type parser in database.ts). */
type DateColumn = string
type NullableDateColumn = string | null
type Timestamp = ColumnType<Date, Date | string, Date | string>
/** An inbound attachment as stored: its component, content hash, size and sniffed type. */
export type StoredAttachmentRow = {
  readonly name: string
  readonly sha256: string
  readonly size: number
  readonly mediaType: string
}
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>

export type Database = ProgrammeTables & {
  schema_migrations: { version: number; name: string; applied_at: Generated<Date> }
  provinces: { code: string; name: string; root_agency_id: string }
  agencies: {
    id: string
    province_code: string
    kind: string
    parent_id: string | null
    statistical_code: string | null
    office_hours: JSONColumnType<OfficeHoursSpan[]>
    source: JSONColumnType<SourceRef>
  }
  agency_names: { agency_id: string; name: string; valid_from: DateColumn; valid_to: NullableDateColumn }
  agency_codes: {
    code: string
    agency_id: string
    valid_from: DateColumn
    valid_to: NullableDateColumn
    confirmed: boolean
  }
  agency_successions: { predecessor_id: string; successor_id: string; effective_on: DateColumn; partial: boolean }
  fields: { id: string; name: string; name_en: string }
  procedures: { code: string; province_code: string; national_code: string | null }
  procedure_versions: {
    procedure_code: string
    version: number
    effective_from: DateColumn
    effective_to: NullableDateColumn
    name: string
    field_id: string
    level: string
    competent_agency_kind: string
    competent_agency_id: string | null
    legal_basis: JSONColumnType<string[]>
    time_limit: JSONColumnType<TimeLimit>
    online_time_limit: JSONColumnType<TimeLimit | null, string | null, string | null>
    statutory_time_limit: JSONColumnType<TimeLimit | null, string | null | undefined, string | null>
    cutoff_time: string | null
    online_level: string
    full_online_eligible: boolean
    fees: JSONColumnType<Fee[]>
    required_documents: JSONColumnType<RequiredDocument[]>
    result_kind: string
    result_name: string
    supplement_limit_days: number | null
    payment_pauses_clock: Generated<boolean>
    any_location: boolean
    inter_agency: boolean
    source: JSONColumnType<SourceRef>
    publication: JSONColumnType<Publication | null, string | null | undefined, string | null>
    reduced_by: JSONColumnType<ReducedBy | null, string | null | undefined, string | null>
    statutory_source: ColumnType<string | null, string | null | undefined, string | null>
    reduction_illustrative: Generated<boolean>
    local_review: ColumnType<string[], string | undefined, string>
    search_text: ColumnType<string, never, never>
    search_vector: ColumnType<string, never, never>
  }
  procedure_forms: {
    procedure_code: string
    version: number
    form_version: number
    form: JSONColumnType<FormDefinition>
  }
  procedure_steps: {
    procedure_code: string
    version: number
    seq: number
    name: string
    role: string
    agency_kind: string
    agency_id: string | null
    budget_hours: number
  }
  dossiers: {
    id: string
    province_code: string
    code: string | null
    procedure_code: string
    procedure_version: number
    receiving_agency_id: string
    processing_agency_id: string | null
    applicant: JSONColumnType<Record<string, unknown>>
    channel: number
    status: number
    submitted_at: Timestamp
    received_at: ColumnType<Date | null, Date | string | null, Date | string | null>
    appointment_at: ColumnType<Date | null, Date | string | null, Date | string | null>
    original_appointment_at: ColumnType<Date | null, Date | string | null, Date | string | null>
    version: number
    holder_agency_id: string | null
    assignee_id: string | null
    current_phase: string | null
    current_step_due_at: NullableTimestamp
    late_warning_at: NullableTimestamp
    ended_at: NullableTimestamp
    applicant_id: string | null
    state: ColumnType<Dossier | null, string | null, string | null>
    head_hash: string | null
    updated_at: NullableTimestamp
  }
  command_outcomes: {
    idempotency_key: string
    request_hash: string
    dossier_id: string | null
    outcome: ColumnType<unknown, string | null, string | null>
    created_at: Timestamp
  }
  dossier_code_counters: { unit_code: string; day: string; last: number }
  outbox: {
    id: Generated<number>
    topic: string
    message_key: string
    payload: ColumnType<unknown, string, string>
    created_at: Timestamp
    published_at: NullableTimestamp
  }
  outbox_deliveries: {
    consumer: string
    message_id: number
    message_key: string
    state: 'pending' | 'delivered' | 'dead'
    attempts: Generated<number>
    next_attempt_at: Timestamp
    last_error: string | null
    delivered_at: NullableTimestamp
  }
  webhook_subscriptions: {
    id: string
    client_id: string
    url: string
    secret: string
    topics: string[]
    created_at: Timestamp
    active: Generated<boolean>
  }
  kpi_counts: {
    depth: number
    grain: 'a' | 'y' | 'h' | 'd'
    period: string
    agency_id: string
    field_id: string
    procedure_code: string
    received: Generated<number>
    received_online: Generated<number>
    received_post: Generated<number>
    online_counted: Generated<number>
    fee_bearing: Generated<number>
    paid_online: Generated<number>
    result_document: Generated<number>
    e_result: Generated<number>
    digitized: Generated<number>
    reused: Generated<number>
    vault_linked: Generated<number>
    citizen: Generated<number>
    vneid: Generated<number>
    sync_due: Generated<number>
    portal_synced: Generated<number>
    resolved: Generated<number>
    resolved_early: Generated<number>
    resolved_on_time: Generated<number>
    resolved_late: Generated<number>
    withdrawn: Generated<number>
    stopped: Generated<number>
    done: Generated<number>
    done_minutes: Generated<number>
    late_apology: Generated<number>
    rated: Generated<number>
    satisfied: Generated<number>
    unhappy: Generated<number>
    overdue_in: Generated<number>
    overdue_out: Generated<number>
  }
  kpi_dossiers: {
    dossier_id: string
    code: string
    origin: 'motcua' | 'import' | 'seed'
    status: number
    agency_id: string
    field_id: string
    procedure_code: string
    channel: number
    received_at: Timestamp
    deadline_at: NullableTimestamp
    supplement_requests: number
    second_supplement_at: NullableTimestamp
    pending_supplement_since: NullableTimestamp
    end_kind: 'done' | 'stopped' | 'withdrawn' | null
    ended_at: NullableTimestamp
    working_minutes: number | null
    fee_vnd: ColumnType<string, number, number>
    paid_online: boolean
    result_is_document: boolean
    e_result: boolean
    digitized: boolean
    reused: boolean
    citizen: boolean
    vneid: boolean
    portal_synced: Generated<boolean>
    rating: string | null
    complaint: boolean
    apology: boolean
    steps: ColumnType<unknown, string, string>
  }
  reform_targets: {
    measure: string
    effective_from: string
    comparator: 'below' | 'at_least'
    value: ColumnType<string, number, number>
    source: string
  }
  calendar_years: {
    year: number
    decision: JSONColumnType<YearDecision>
    entered_by: string
    entered_at: Timestamp
  }
  /** Days a calendar change flipped (migration 0032), until the watcher applied it to open dossiers. */
  calendar_changes: {
    id: Generated<number>
    changed_days: JSONColumnType<ChangedDay[]>
    reason: string
    changed_by: string
    changed_at: Timestamp
    applied_at: NullableTimestamp
    rescheduled: Generated<number>
  }
  /** A job's lease (migration 0022): one holder at a time, renewed each round, taken over once expired. */
  job_leases: { job: string; holder: string; expires_at: Timestamp }
  /** Deadline alerts (migration 0022), one per dossier and key. */
  deadline_alerts: {
    id: Generated<number>
    dossier_id: string
    alert_key: string
    kind: string
    due_at: Timestamp
    deadline_at: Timestamp
    raised_at: Timestamp
  }
  deadline_alert_recipients: { alert_id: number; agency_id: string; role: string; user_id: string | null }
  holiday_rules: {
    id: string
    rule: JSONColumnType<HolidayRule>
    entered_by: string
    entered_at: Timestamp
  }
  audit_log: {
    id: Generated<number>
    at: Timestamp
    actor: string
    action: string
    subject: string
    before: ColumnType<unknown, string | null, string | null>
    after: ColumnType<unknown, string | null, string | null>
  }
  users: {
    id: string
    kind: 'citizen' | 'officer' | 'integration'
    username: string | null
    display_name: string
    identity_number: string | null
    phone: string | null
    email: string | null
    /** Claims VNeID gave beyond name and number (migration 0017); null when it gave none. */
    birth_date: ColumnType<NullableDateColumn, NullableDateColumn | undefined, NullableDateColumn>
    sex: ColumnType<'male' | 'female' | null, 'male' | 'female' | null | undefined, 'male' | 'female' | null>
    address: ColumnType<unknown, string | null | undefined, string | null>
    password_hash: string | null
    failed_logins: Generated<number>
    locked_until: NullableTimestamp
    disabled: Generated<boolean>
    created_at: Timestamp
  }
  role_grants: { user_id: string; role: string; agency_id: string }
  sessions: {
    token_hash: string
    user_id: string
    method: 'password' | 'vneid' | 'oidc' | 'demo'
    csrf_token: string
    created_at: Timestamp
    expires_at: Timestamp
    revoked_at: NullableTimestamp
  }
  oidc_logins: {
    state: string
    nonce: string
    code_verifier: string
    return_to: string | null
    created_at: Timestamp
  }
  api_tokens: {
    token_hash: string
    user_id: string
    name: string
    scopes: JSONColumnType<string[]>
    created_at: Timestamp
    revoked_at: NullableTimestamp
  }
  vault_items: {
    id: string
    owner_key: string
    sha256: string
    kind: 'e_result' | 'digitized'
    title: string
    dossier_id: string | null
    agency_id: string | null
    created_at: Timestamp
  }
  dossier_events: {
    dossier_id: string
    seq: number
    type: string
    at: Timestamp
    actor: JSONColumnType<Record<string, unknown>>
    payload: ColumnType<DossierEvent, string, string>
    prev_hash: string | null
    hash: string | null
  }
  files: {
    sha256: string
    size: number
    media_type: string
    storage_key: string
    created_at: Timestamp
  }
  dossier_files: {
    dossier_id: string
    sha256: string
    component_name: string
    original_name: string | null
    uploaded_by: string
    uploaded_at: Timestamp
  }
  signing_ca: { id: number; certificate_pem: string; private_key_pem: string; created_at: Timestamp }
  signing_keys: { agency_id: string; certificate_pem: string; private_key_pem: string; created_at: Timestamp }
  issued_documents: { sha256: string; dossier_id: string | null; kind: string; issued_at: Timestamp }
  declaration_drafts: {
    user_id: string
    procedure_code: string
    form_version: number
    data: JSONColumnType<Record<string, unknown>>
    step: string | null
    updated_at: Timestamp
    expires_at: Timestamp
  }
  notification_preferences: { applicant_key: string; email: boolean; sms: boolean }
  notifications: {
    id: Generated<number>
    message_id: number
    dossier_id: string
    channel: 'email' | 'sms'
    recipient: string | null
    kind: string
    status: 'sent' | 'failed' | 'skipped'
    detail: string | null
    attempts: Generated<number>
    created_at: Timestamp
    updated_at: Timestamp
  }
  portal_sync: { dossier_id: string; synced_version: number; synced_at: Timestamp; last_error: string | null }
  payments: {
    id: string
    dossier_id: string
    gateway: string
    txn_ref: string
    amount_vnd: number
    currency: string
    state: 'pending' | 'paid' | 'failed' | 'refunded'
    gateway_txn: string | null
    created_at: Timestamp
    paid_at: NullableTimestamp
    receipt_no: string | null
    raw_callback: ColumnType<Record<string, string> | null, string | null, string | null>
    refunded_at: NullableTimestamp
    refund_response: ColumnType<Record<string, unknown> | null, string | null, string | null>
  }
  payment_callbacks: {
    id: Generated<number>
    payment_id: string | null
    kind: 'ipn' | 'return'
    txn_ref: string | null
    verdict: string
    fields: JSONColumnType<Record<string, unknown>>
    received_at: Timestamp
  }
  portal_intakes: {
    national_id: string
    state: 'received' | 'fetched' | 'created' | 'rejected'
    received_via: 'push' | 'pull'
    submission: JSONColumnType<Record<string, unknown>>
    attachments: ColumnType<StoredAttachmentRow[] | null, string | null, string | null>
    dossier_id: string | null
    reason: string | null
    detail: string | null
    attempts: Generated<number>
    received_at: Timestamp
    updated_at: Timestamp
    acknowledged_at: NullableTimestamp
    refusal_reported_at: NullableTimestamp
  }
  portal_intake_refusals: {
    id: Generated<number>
    received_via: 'push' | 'pull'
    claimed_national_id: string | null
    reason: string
    detail: string | null
    at: Timestamp
  }
  portal_intake_cursor: { id: number; cursor: string | null; leased_by: string | null; lease_until: NullableTimestamp }
  /** The national platform's petition feed cursor (migration 0042); its lease is job_leases 'portal-petitions-pull'. */
  portal_petition_cursor: { id: number; cursor: string | null; updated_at: NullableTimestamp }
  /** Petition deliveries refused (migration 0042): keyed by portal id when refused on a trusted body. */
  portal_petition_refusals: {
    id: Generated<number>
    received_via: 'push' | 'pull'
    claimed_portal_id: string | null
    portal_id: string | null
    reason: string
    detail: string | null
    at: Timestamp
    reported_at: NullableTimestamp
  }
  /** Reconciliation runs with the national portal (migration 0027). */
  portal_reconciliation_runs: {
    id: string
    trigger: 'daily' | 'manual'
    daily_day: NullableDateColumn
    window_from: DateColumn
    window_to: DateColumn
    state: 'running' | 'done' | 'failed'
    started_at: Timestamp
    finished_at: NullableTimestamp
    requested_by: string
    portal_only: number | null
    motcua_only: number | null
    mismatched: number | null
    in_step: number | null
    items: ColumnType<ReconciliationLists | null, string | null, string | null>
    error: string | null
  }
  petition_code_counters: { day: string; last: number }
  petitions: {
    code: string
    external_id: string | null
    status: string
    channel: string
    receiving_agency_id: string
    agency_id: string
    category: string | null
    owner_user_id: string | null
    received_at: Timestamp
    due_at: NullableTimestamp
    answered_at: NullableTimestamp
    finished_at: NullableTimestamp
    published_at: NullableTimestamp
    dossier_code: string | null
    /** The earlier petition it follows up (migration 0044). */
    follows_up: string | null
    search_text: string
    state: JSONColumnType<Petition>
    version: number
  }
  petition_events: { code: string; seq: number; event: JSONColumnType<PetitionEvent> }
  document_register_counters: { agency_id: string; register: string; year: number; last: number }
  agency_document_settings: { agency_id: string; abbreviation: string; place_name: string }
  documents: {
    id: string
    direction: string
    agency_id: string
    status: string
    doc_type: string
    year: number | null
    register_number: number | null
    notation: string | null
    subject: string
    sender: string | null
    handler_user_id: string | null
    due_on: NullableDateColumn
    source_document_id: string | null
    registered_on: NullableDateColumn
    created_at: Timestamp
    search_text: Generated<string>
    state: JSONColumnType<OfficialDocument>
    version: number
    /** Outside recipients of an outgoing document (migration 0039) */
    external_recipients: Generated<number>
    /** An incoming document's finishedAt, ISO 8601 UTC text (migration 0039) */
    finished_at: Generated<string | null>
  }
  document_events: { document_id: string; seq: number; event: JSONColumnType<DocumentEvent> }
  dossier_documents: {
    document_id: string
    dossier_id: string
    role: string
    reply_to: string | null
    created_at: Timestamp
  }
  document_files: { document_id: string; sha256: string; content: Buffer; created_at: Timestamp }
  personal_signing_keys: { user_id: string; certificate_pem: string; private_key_pem: string; created_at: Timestamp }
  survey_periods: {
    id: string
    name: string
    from_day: DateColumn
    to_day: DateColumn
    margin_basis_points: number
    seed: string
    population: number
    sample_size: number
    strata: ColumnType<unknown, string, string>
    status: 'open' | 'closed'
    created_at: Timestamp
    created_by: string
  }
  survey_respondents: {
    period_id: string
    dossier_code: string
    agency_id: string
    token_sha256: string
    answered_at: NullableTimestamp
    channel: 'online' | 'paper' | null
    answers: ColumnType<unknown, string | null, string | null>
    suggestion: string | null
    entered_by: string | null
  }
  par_rounds: {
    id: string
    year: number
    unit_kind: string
    status: string
    state: JSONColumnType<ParRound>
    version: number
  }
  par_round_events: { round_id: string; seq: number; event: JSONColumnType<RoundEvent> }
  par_assessments: { round_id: string; unit_id: string; state: JSONColumnType<UnitAssessment>; version: number }
  par_assessment_events: { round_id: string; unit_id: string; seq: number; event: JSONColumnType<AssessmentEvent> }
  par_evidence: {
    round_id: string
    unit_id: string
    sha256: string
    name: string | null
    media_type: string
    size: number
    uploaded_by: string
    uploaded_at: Timestamp
  }
  catalogue_revision: { id: Generated<boolean>; revision: number }
  catalogue_change_sets: {
    id: Generated<number>
    base_revision: number
    status: Generated<'pending' | 'approved' | 'rejected'>
    source_url: string
    fetched: number
    bad_records: JSONColumnType<{ code: string | null; reason: string }[]>
    created_at: Timestamp
    created_by: string
    decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
    decided_by: string | null
    effective_from: NullableDateColumn
  }
  catalogue_change_items: {
    change_set_id: number
    seq: number
    procedure_code: string
    kind: 'new' | 'changed' | 'repealed'
    base_version: number | null
    changes: JSONColumnType<FieldChange[]>
    procedure: JSONColumnType<SyncedProcedure>
  }
}
