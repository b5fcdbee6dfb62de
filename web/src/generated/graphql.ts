/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type RecordingStatus =
  | 'FAILED'
  | 'STORED'
  | 'TRANSCRIBED'
  | 'TRANSCRIBING';

export type ReviewDecision =
  | 'ADVANCE'
  | 'HOLD'
  | 'REJECT';

export type SessionStatus =
  | 'ANALYZING'
  | 'COMPLETE'
  | 'EXPIRED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'SUBMITTED'
  | 'TRANSCRIBING';

export type CandidateSessionQueryVariables = Exact<{ [key: string]: never; }>;


export type CandidateSessionQuery = { candidateSession: { id: string, status: SessionStatus, candidateName: string | null, expiresAt: string | null, interview: { title: string, maxRetakes: number, questions: Array<{ id: string, position: number, text: string, timeLimitSeconds: number | null }> }, recordings: Array<{ id: string, status: RecordingStatus, question: { id: string } }> } | null };

export type UploadAnswerMutationVariables = Exact<{
  sessionId: string | number;
  questionId: string | number;
  file: File;
  idempotencyKey: string | null | undefined;
}>;


export type UploadAnswerMutation = { uploadRecording:
    | { __typename: 'Conflict', message: string }
    | { __typename: 'Expired', message: string }
    | { __typename: 'Forbidden', message: string }
    | { __typename: 'InvalidAudio', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'Recording', id: string, durationSeconds: number | null, sizeBytes: number, codec: string }
    | { __typename: 'TooLarge', message: string }
   };

export type SubmitAnswersMutationVariables = Exact<{
  sessionId: string | number;
}>;


export type SubmitAnswersMutation = { submitSession:
    | { __typename: 'Conflict', message: string }
    | { __typename: 'Expired', message: string }
    | { __typename: 'Forbidden', message: string }
    | { __typename: 'InvalidInput', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'Session', id: string, status: SessionStatus }
   };

export type PublicInterviewQueryVariables = Exact<{
  key: string;
}>;


export type PublicInterviewQuery = { interview: { key: string, title: string, questions: Array<{ id: string }> } | null, startChallenge: { challenge: string } | null };

export type StartPublicSessionMutationVariables = Exact<{
  interviewKey: string;
  candidateName: string | null | undefined;
  candidateEmail: string | null | undefined;
  proofOfWork: string | null | undefined;
}>;


export type StartPublicSessionMutation = { startSession:
    | { __typename: 'ChallengeRequired', message: string, challenge: { challenge: string } }
    | { __typename: 'Conflict', message: string }
    | { __typename: 'Forbidden', message: string }
    | { __typename: 'InvalidInput', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'StartSessionResult', uploadToken: string, session: { id: string } }
   };

export type InterviewSessionsQueryVariables = Exact<{
  key: string;
  first: number;
  after: string | null | undefined;
}>;


export type InterviewSessionsQuery = { interview: { key: string, title: string, questions: Array<{ id: string }>, sessions: { nodes: Array<{ id: string, status: SessionStatus, candidateName: string | null, createdAt: string, submittedAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type ReviewSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewSessionQuery = { session: { id: string, status: SessionStatus, candidateName: string | null, createdAt: string, submittedAt: string | null, expiresAt: string | null, failureReason: string | null, reviews: Array<{ id: string, reviewer: string, rating: number | null, decision: ReviewDecision | null, comment: string | null, createdAt: string }>, reviewSummary: { averageRating: number | null, decisions: Array<{ decision: ReviewDecision, count: number }> } | null, interview: { key: string, title: string }, analysis: { score: number | null, summary: string | null, recommendation: string | null, provider: string, model: string | null } | null, recordings: Array<{ id: string, status: RecordingStatus, durationSeconds: number | null, speechSeconds: number | null, sizeBytes: number, codec: string, question: { id: string, position: number, text: string }, transcript: { text: string, provider: string, model: string, segments: Array<{ start: number, end: number, text: string }> } | null, analysis: { score: number | null, summary: string | null, strengths: Array<string>, concerns: Array<string>, provider: string, metrics: { wordsPerMinute: number, fillerRate: number, speechSeconds: number, wordCount: number } } | null, reviews: Array<{ id: string, reviewer: string, rating: number | null, decision: ReviewDecision | null, comment: string | null, createdAt: string }> }> } | null };

export type ReviewFieldsFragment = { id: string, reviewer: string, rating: number | null, decision: ReviewDecision | null, comment: string | null, createdAt: string };

export type RateAnswerMutationVariables = Exact<{
  recordingId: string | number;
  rating: number;
  comment: string | null | undefined;
}>;


export type RateAnswerMutation = { reviewRecording:
    | { __typename: 'Conflict', message: string }
    | { __typename: 'Forbidden', message: string }
    | { __typename: 'InvalidInput', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'Review', id: string, reviewer: string, rating: number | null, decision: ReviewDecision | null, comment: string | null, createdAt: string }
   };

export type DecideSessionMutationVariables = Exact<{
  sessionId: string | number;
  decision: ReviewDecision;
  comment: string | null | undefined;
}>;


export type DecideSessionMutation = { reviewSession:
    | { __typename: 'Conflict', message: string }
    | { __typename: 'Forbidden', message: string }
    | { __typename: 'InvalidInput', message: string }
    | { __typename: 'NotFound', message: string }
    | { __typename: 'Review', id: string, reviewer: string, rating: number | null, decision: ReviewDecision | null, comment: string | null, createdAt: string }
   };

export type SessionCostQueryVariables = Exact<{
  interviewKey: string;
}>;


export type SessionCostQuery = { costReport: { pricesAsOf: string | null, sessionCosts: Array<{ sessionId: string, costUsd: number }> } };

export type PlayRecordingQueryVariables = Exact<{
  id: string | number;
}>;


export type PlayRecordingQuery = { recording: { id: string, downloadUrl:
      | { __typename: 'ArchivedRecording', storageClass: string, restoreStatus: string }
      | { __typename: 'DownloadUrl', url: string, expiresAt: string }
     } | null };

export type MyInterviewsQueryVariables = Exact<{
  first: number;
}>;


export type MyInterviewsQuery = { interviews: Array<{ key: string, title: string, public: boolean, questions: Array<{ id: string }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ReviewFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}
    `, {"fragmentName":"ReviewFields"}) as unknown as TypedDocumentString<ReviewFieldsFragment, unknown>;
export const CandidateSessionDocument = new TypedDocumentString(`
    query CandidateSession {
  candidateSession {
    id
    status
    candidateName
    expiresAt
    interview {
      title
      maxRetakes
      questions {
        id
        position
        text
        timeLimitSeconds
      }
    }
    recordings {
      id
      status
      question {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CandidateSessionQuery, CandidateSessionQueryVariables>;
export const UploadAnswerDocument = new TypedDocumentString(`
    mutation UploadAnswer($sessionId: ID!, $questionId: ID!, $file: Upload!, $idempotencyKey: String) {
  uploadRecording(
    sessionId: $sessionId
    questionId: $questionId
    file: $file
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on Recording {
      id
      durationSeconds
      sizeBytes
      codec
    }
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UploadAnswerMutation, UploadAnswerMutationVariables>;
export const SubmitAnswersDocument = new TypedDocumentString(`
    mutation SubmitAnswers($sessionId: ID!) {
  submitSession(sessionId: $sessionId) {
    __typename
    ... on Session {
      id
      status
    }
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitAnswersMutation, SubmitAnswersMutationVariables>;
export const PublicInterviewDocument = new TypedDocumentString(`
    query PublicInterview($key: String!) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
  }
  startChallenge(interviewKey: $key) {
    challenge
  }
}
    `) as unknown as TypedDocumentString<PublicInterviewQuery, PublicInterviewQueryVariables>;
export const StartPublicSessionDocument = new TypedDocumentString(`
    mutation StartPublicSession($interviewKey: String!, $candidateName: String, $candidateEmail: String, $proofOfWork: String) {
  startSession(
    interviewKey: $interviewKey
    candidateName: $candidateName
    candidateEmail: $candidateEmail
    proofOfWork: $proofOfWork
  ) {
    __typename
    ... on StartSessionResult {
      uploadToken
      session {
        id
      }
    }
    ... on ChallengeRequired {
      challenge {
        challenge
      }
    }
    ... on UserError {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<StartPublicSessionMutation, StartPublicSessionMutationVariables>;
export const InterviewSessionsDocument = new TypedDocumentString(`
    query InterviewSessions($key: String!, $first: Int!, $after: String) {
  interview(key: $key) {
    key
    title
    questions {
      id
    }
    sessions(first: $first, after: $after) {
      nodes {
        id
        status
        candidateName
        createdAt
        submittedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InterviewSessionsQuery, InterviewSessionsQueryVariables>;
export const ReviewSessionDocument = new TypedDocumentString(`
    query ReviewSession($id: ID!) {
  session(id: $id) {
    id
    status
    candidateName
    createdAt
    submittedAt
    expiresAt
    failureReason
    reviews {
      ...ReviewFields
    }
    reviewSummary {
      averageRating
      decisions {
        decision
        count
      }
    }
    interview {
      key
      title
    }
    analysis {
      score
      summary
      recommendation
      provider
      model
    }
    recordings {
      id
      status
      durationSeconds
      speechSeconds
      sizeBytes
      codec
      question {
        id
        position
        text
      }
      transcript {
        text
        provider
        model
        segments {
          start
          end
          text
        }
      }
      analysis {
        score
        summary
        strengths
        concerns
        provider
        metrics {
          wordsPerMinute
          fillerRate
          speechSeconds
          wordCount
        }
      }
      reviews {
        ...ReviewFields
      }
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`) as unknown as TypedDocumentString<ReviewSessionQuery, ReviewSessionQueryVariables>;
export const RateAnswerDocument = new TypedDocumentString(`
    mutation RateAnswer($recordingId: ID!, $rating: Int!, $comment: String) {
  reviewRecording(recordingId: $recordingId, rating: $rating, comment: $comment) {
    __typename
    ... on Review {
      ...ReviewFields
    }
    ... on UserError {
      message
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`) as unknown as TypedDocumentString<RateAnswerMutation, RateAnswerMutationVariables>;
export const DecideSessionDocument = new TypedDocumentString(`
    mutation DecideSession($sessionId: ID!, $decision: ReviewDecision!, $comment: String) {
  reviewSession(sessionId: $sessionId, decision: $decision, comment: $comment) {
    __typename
    ... on Review {
      ...ReviewFields
    }
    ... on UserError {
      message
    }
  }
}
    fragment ReviewFields on Review {
  id
  reviewer
  rating
  decision
  comment
  createdAt
}`) as unknown as TypedDocumentString<DecideSessionMutation, DecideSessionMutationVariables>;
export const SessionCostDocument = new TypedDocumentString(`
    query SessionCost($interviewKey: String!) {
  costReport(interviewKey: $interviewKey) {
    sessionCosts {
      sessionId
      costUsd
    }
    pricesAsOf
  }
}
    `) as unknown as TypedDocumentString<SessionCostQuery, SessionCostQueryVariables>;
export const PlayRecordingDocument = new TypedDocumentString(`
    query PlayRecording($id: ID!) {
  recording(id: $id) {
    id
    downloadUrl {
      __typename
      ... on DownloadUrl {
        url
        expiresAt
      }
      ... on ArchivedRecording {
        storageClass
        restoreStatus
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlayRecordingQuery, PlayRecordingQueryVariables>;
export const MyInterviewsDocument = new TypedDocumentString(`
    query MyInterviews($first: Int!) {
  interviews(first: $first) {
    key
    title
    public
    questions {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MyInterviewsQuery, MyInterviewsQueryVariables>;