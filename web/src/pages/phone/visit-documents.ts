import { graphql } from "../../gql";

/** The inspector's view of one visit: what the phone page shows and acts on (docs/inspection.md). */
export const PHONE_VISIT = graphql(`
  query PhoneVisit($id: ID!) {
    visit(id: $id) {
      id
      status
      uscc
      subject {
        records {
          name
          address
        }
      }
      teams {
        department
        matters {
          id
          name
          subItem
        }
        inspectors {
          id
          name
        }
      }
      onSite {
        noticeNumber
        startedAt
        endedAt
      }
      findings {
        id
        department
        result
        description
      }
      evidence {
        id
        fileName
        mediaType
        size
        sha256
      }
      reports {
        id
        department
        status
        dueDate
        inspectionTime
        content
        steps
        findings
        evaluation
        handling
        returnReason
      }
    }
  }
`);

export const START_VISIT = graphql(`
  mutation PhoneStartVisit($input: StartVisitInput!) {
    startVisit(input: $input) {
      id
      status
    }
  }
`);

export const RECORD_FINDING = graphql(`
  mutation PhoneRecordFinding($input: FindingInput!) {
    recordFinding(input: $input) {
      id
      result
      description
    }
  }
`);

export const END_VISIT = graphql(`
  mutation PhoneEndVisit($visitId: ID!) {
    endVisit(visitId: $visitId) {
      id
      status
    }
  }
`);

export const UPDATE_REPORT = graphql(`
  mutation PhoneUpdateReport($visitId: ID!, $department: String!, $input: ReportEditInput!) {
    updateReport(visitId: $visitId, department: $department, input: $input) {
      id
      status
    }
  }
`);

export const SUBMIT_REPORT = graphql(`
  mutation PhoneSubmitReport($visitId: ID!, $department: String!) {
    submitReport(visitId: $visitId, department: $department) {
      id
      status
    }
  }
`);
